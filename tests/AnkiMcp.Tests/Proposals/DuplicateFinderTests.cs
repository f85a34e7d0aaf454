using AnkiMcp.Core.Proposals;
using AnkiMcp.Tests.Quality;

namespace AnkiMcp.Tests.Proposals;

public sealed class DuplicateFinderTests
{
    [Theory]
    [InlineData("What does <b>`git stash`</b> do?", "what does git stash do")]
    [InlineData("A value has one {{c1::owner::who?}} at a time.", "a value has one owner at a time")]
    [InlineData("  Tom &amp; Jerry\n\n**bold**  ", "tom & jerry bold")]
    [InlineData("x += 1", "x += 1")]
    [InlineData("In Python, `enumerate(items)` yields (index, item) pairs.", "in python enumerate items yields index item pairs")]
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

    [Fact]
    public void Find_FlagsNearDuplicatesButNotACardAboutSomethingElse()
    {
        CardDraft[] drafts =
        [
            Drafts.Basic(question: "In Git, what does `git stash` do?"),
            Drafts.Basic(question: "In Git, what does `git stash pop` do?"),
            Drafts.Basic(question: "What is Australia's capital?"),
            Drafts.Basic(question: "In HTTP, what does a 404 status code mean?"),
            Drafts.Basic(question: "In HTTP, what does a 500 status code mean?"),
            Drafts.Basic(question: "What does the `git stash` command do?"),
        ];
        ExistingCard[] existing =
        [
            new("AnkiMcpQA", "What does `git stash` do?", "Git.md line 4"),
            new("AnkiMcpQA", "What is the capital of Australia?", "pending card 2 of batch 4"),
            new("AnkiMcpQA", "In HTTP, what does status code 404 mean?", "Web.md line 30"),
        ];

        IReadOnlyList<PossibleDuplicate> duplicates = DuplicateFinder.Find(drafts, existing);

        Assert.Equal(
            [new PossibleDuplicate(1, "Git.md line 4", Exact: false), new PossibleDuplicate(3, "pending card 2 of batch 4", Exact: false),
                new PossibleDuplicate(4, "Web.md line 30", Exact: false), new PossibleDuplicate(6, "Git.md line 4", Exact: false)],
            duplicates);
    }

    [Fact]
    public void Find_ComparesTheDraftsWithEachOther()
    {
        CardDraft[] drafts = [Drafts.Basic(question: "Which port does HTTPS use by default?"), Drafts.Basic(question: "By default, which port does HTTPS use?")];

        Assert.Equal([new PossibleDuplicate(2, "card 1 of this proposal", Exact: false)], DuplicateFinder.Find(drafts, []));
    }

    // The good cards of the lint corpus ask different things, many of them in the same words ("In Rust, what does …"):
    // none may look like another.
    [Fact]
    public void Find_FlagsNoGoodCardOfTheLintCorpusAsRepeatingAnother()
    {
        CardDraft[] drafts = [.. LintCorpus.Cards.Where(card => card.IsGood).Select(card => card.Draft)];

        IReadOnlyList<PossibleDuplicate> duplicates = DuplicateFinder.Find(drafts, []);

        Assert.True(duplicates.Count == 0, string.Join('\n', duplicates.Select(d => $"{drafts[d.Number - 1].Fields.Values.First()} ~ {d.Where}: " +
            drafts[int.Parse(d.Where.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) - 1].Fields.Values.First())));
    }

    // The prefix and position filters only skip comparisons that cannot reach the threshold: the result equals comparing
    // every pair. Texts of 2–7 words from 12 make many near pairs.
    [Fact]
    public void FindAmong_FindsWhatComparingEveryPairFinds()
    {
        Random random = new(20261130);
        string[] vocabulary = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima"];
        for (int round = 0; round < 20; round++)
        {
            ExistingCard[] cards = [.. Enumerable.Range(0, 300).Select(index => new ExistingCard(
                random.Next(4) == 0 ? "AnkiMcpWhy" : "AnkiMcpQA",
                string.Join(' ', Enumerable.Range(0, random.Next(2, 8)).Select(_ => vocabulary[random.Next(vocabulary.Length)])),
                $"card {index}"))];

            Dictionary<int, DuplicateMatch> found = DuplicateFinder.FindAmong(cards).ToDictionary(match => match.Index);

            for (int index = 0; index < cards.Length; index++)
            {
                HashSet<string> mine = Words(cards[index]);
                int? exact = null;
                double best = 0;
                for (int other = 0; other < index; other++)
                {
                    if (cards[other].NoteTypeName != cards[index].NoteTypeName)
                        continue;
                    if (exact is null && DuplicateFinder.Normalize(cards[other].FirstField) == DuplicateFinder.Normalize(cards[index].FirstField))
                        exact = other;
                    HashSet<string> theirs = Words(cards[other]);
                    double similarity = (double)mine.Intersect(theirs).Count() / mine.Union(theirs).Count();
                    if (mine.Count >= 2 && similarity >= 0.8)
                        best = Math.Max(best, similarity);
                }

                if (exact is { } same)
                {
                    Assert.Equal(new DuplicateMatch(index, cards[same], Exact: true), found[index]);
                }
                else if (best > 0)
                {
                    DuplicateMatch match = found[index];
                    Assert.False(match.Exact);
                    HashSet<string> theirs = Words(match.Original);
                    Assert.Equal(best, (double)mine.Intersect(theirs).Count() / mine.Union(theirs).Count(), 9);
                }
                else
                {
                    Assert.False(found.ContainsKey(index), $"{cards[index].FirstField} has no duplicate but was matched with {found.GetValueOrDefault(index)?.Original.FirstField}");
                }
            }
        }
    }

    private static HashSet<string> Words(ExistingCard card) => [.. card.FirstField.Split(' ')];
}
