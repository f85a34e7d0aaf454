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
    [InlineData("CON.txt")]
    [InlineData("com¹")]
    [InlineData(".hidden")]
    [InlineData(".git")]
    [InlineData("../../etc/passwd")]
    [InlineData("README")]
    [InlineData("license")]
    public void HostileOrAmbiguousDeckNamesAreRejected(string deck)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => DeckFileNames.ToFileName(deck));
        Assert.Contains("rename", error.Message, StringComparison.Ordinal);
    }

    // 255 bytes a name, less the 38 of an atomic write's temporary name; 'é' takes 2 bytes in UTF-8.
    [Theory]
    [InlineData("x", 214, true)]
    [InlineData("x", 215, false)]
    [InlineData("é", 107, true)]
    [InlineData("é", 108, false)]
    public void DeckNamesAreRejectedWhenTheirFileNameIsTooLongForSomeFileSystem(string letter, int count, bool fits)
    {
        string? problem = DeckFileNames.Problem(string.Concat(Enumerable.Repeat(letter, count)));
        Assert.Equal(fits, problem is null);
        Assert.True(fits || problem!.Contains("Shorten the deck name", StringComparison.Ordinal), problem);
    }

    [Theory]
    [InlineData("Rust.md", true)]
    [InlineData("README.md", false)]
    [InlineData(".Rust.md", false)]
    [InlineData("Rust.txt", false)]
    public void OnlyDeckFilesAreReadAsDecks(string fileName, bool isDeck) => Assert.Equal(isDeck, DeckFileNames.IsDeckFileName(fileName));

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
