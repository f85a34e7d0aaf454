using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Tests.Markdown;

public sealed class DeckFileNamesTests
{
    [Theory]
    [InlineData("Biology", "Biology.md")]
    [InlineData("Parent::Child", "Parent__Child.md")]
    [InlineData("A__B", "A%5F%5FB.md")]
    [InlineData("A::B__C", "A__B%5F%5FC.md")]
    [InlineData("A%20B", "A%2520B.md")]
    [InlineData("Notes/2024", "Notes%2F2024.md")]
    [InlineData("Back\\slash", "Back%5Cslash.md")]
    [InlineData("Bio: Cells?", "Bio%3A Cells%3F.md")]
    [InlineData("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd.md")]
    [InlineData("Ünïcode::日本語", "Ünïcode__日本語.md")]
    public void NamesMapBothWays(string deck, string file)
    {
        Assert.Equal(file, DeckFileNames.ToFileName(deck));
        Assert.Equal(deck, DeckFileNames.ToDeckName(file));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A::")]
    [InlineData("::A")]
    [InlineData("A::::B")]
    [InlineData("..")]
    [InlineData("A::..")]
    [InlineData("A_::B")]
    [InlineData("A::_B")]
    [InlineData(" A")]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("Trailing.")]
    public void HostileOrAmbiguousDeckNamesAreRejected(string deck)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => DeckFileNames.ToFileName(deck));
        Assert.Contains("rename", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../Deck.md")]
    [InlineData("sub/Deck.md")]
    [InlineData("sub\\Deck.md")]
    [InlineData("/etc/Deck.md")]
    [InlineData("Deck.txt")]
    [InlineData(".md")]
    [InlineData("A___B.md")]
    [InlineData("A____B.md")]
    public void HostileFileNamesAreRejected(string file) => Assert.Throws<ArgumentException>(() => DeckFileNames.ToDeckName(file));

    [Fact]
    public void SubdeckTest()
    {
        Assert.True(DeckFileNames.IsSameOrSubdeck("A::B", "A"));
        Assert.True(DeckFileNames.IsSameOrSubdeck("A", "A"));
        Assert.False(DeckFileNames.IsSameOrSubdeck("AB", "A"));
    }
}
