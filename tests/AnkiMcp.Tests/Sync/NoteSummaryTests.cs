using AnkiMcp.Core.Sync;

namespace AnkiMcp.Tests.Sync;

/// <summary>The one-line summary a plan shows for a note: whitespace runs folded, cut at 60 characters with an ellipsis.</summary>
public sealed class NoteSummaryTests
{
    private static readonly string Sixty = new('a', 60);

    [Theory]
    [InlineData("", "")]
    [InlineData("   \n\t ", "")]
    [InlineData("  What is\n\n  ATP?  ", "What is ATP?")]
    [InlineData("tab\tand\r\nnewline", "tab and newline")]
    [InlineData("日本語 の 単語", "日本語 の 単語")]
    public void ShortText_IsFoldedOntoOneLine(string text, string expected) => Assert.Equal(expected, NoteSummary.Shorten(text));

    [Fact]
    public void SixtyCharacters_AreKeptWhole() => Assert.Equal(Sixty, NoteSummary.Shorten(Sixty));

    [Fact]
    public void SixtyCharactersAndTrailingSpace_AreKeptWhole() => Assert.Equal(Sixty, NoteSummary.Shorten(Sixty + "   \n"));

    [Fact]
    public void SixtyOneCharacters_AreCutWithAnEllipsis() => Assert.Equal(new string('a', 59) + "…", NoteSummary.Shorten(Sixty + "a"));

    [Fact]
    public void AWordAfterSixtyCharacters_IsCut_WithItsSpace() => Assert.Equal(new string('a', 59) + "…", NoteSummary.Shorten(Sixty + "  b"));

    [Fact]
    public void ASpaceAtTheCut_IsNotLeftBeforeTheEllipsis()
    {
        string text = new string('a', 58) + " " + new string('b', 10);

        Assert.Equal(new string('a', 58) + "…", NoteSummary.Shorten(text));
    }

    [Fact]
    public void ALongText_IsCutAtTheLimit()
    {
        string text = string.Join("\n", Enumerable.Repeat("Which organelle   makes ATP?", 20));

        string summary = NoteSummary.Shorten(text);

        Assert.Equal(60, summary.Length);
        Assert.StartsWith("Which organelle makes ATP? Which organelle makes ATP?", summary, StringComparison.Ordinal);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", summary, StringComparison.Ordinal);
    }
}
