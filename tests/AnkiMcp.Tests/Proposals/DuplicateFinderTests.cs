using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Tests.Proposals;

public sealed class DuplicateFinderTests
{
    [Theory]
    [InlineData("What does <b>`git stash`</b> do?", "what does git stash do")]
    [InlineData("A value has one {{c1::owner::who?}} at a time.", "a value has one owner at a time")]
    [InlineData("  Tom &amp; Jerry\n\n**bold**  ", "tom & jerry bold")]
    [InlineData("x += 1", "x += 1")]
    public void Normalize_DropsMarkupCaseAndSpacingButKeepsMeaning(string text, string expected) =>
        Assert.Equal(expected, DuplicateFinder.Normalize(text));

    [Fact]
    public void Find_MatchesOnlyTheSameNoteTypeAndNotDifferentOperators()
    {
        CardDraft[] drafts =
        [
            Drafts.Basic(question: "What does `x++` do?"),
            Drafts.Basic(question: "What does `x--` do?"),
            Drafts.Why() with { Fields = new Dictionary<string, string> { ["Question"] = "What does x++ do?", ["Chain"] = "a → b" } },
        ];
        ExistingCard[] existing = [new("AnkiMcpQA", "what does <code>x++</code> do", "Programming.md line 4")];

        IReadOnlyList<PossibleDuplicate> duplicates = DuplicateFinder.Find(drafts, existing);

        Assert.Equal([new PossibleDuplicate(1, "Programming.md line 4", Exact: true)], duplicates);
    }
}
