using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Quality;
using AnkiMcp.Tests.Proposals;

namespace AnkiMcp.Tests.Quality;

public sealed class CardLinterTests
{
    [Fact]
    public void Rules_HaveUniqueIdsAndSayWhyAndWhatToDo()
    {
        Assert.Equal(CardRules.All.Count, CardRules.All.Select(rule => rule.Id).Distinct().Count());
        Assert.All(CardRules.All, rule =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", rule.Id);
            Assert.EndsWith(".", rule.Reason, StringComparison.Ordinal);
            Assert.EndsWith(".", rule.Suggestion, StringComparison.Ordinal);
            Assert.NotEmpty(rule.Kinds);
        });
    }

    [Fact]
    public void Flag_CarriesRuleSeverityMessageAndSuggestion()
    {
        CardFlag flag = Assert.Single(CardLinter.Lint(Drafts.Basic(question: "Is Python dynamically typed?", answer: "Yes.")));

        Assert.Equal(new CardFlag("yes-no-question", LintSeverity.Advice, "\"Is …?\" is answered by yes or no.", CardRules.YesNoQuestion.Suggestion), flag);
    }

    [Fact]
    public void Lint_OnlyAppliesRulesToTheKindsTheyNameAndReportsInRuleOrder()
    {
        CardDraft[] drafts = [.. LintCorpus.Cards.Select(card => card.Draft)];
        IReadOnlyList<IReadOnlyList<CardFlag>> flags = CardLinter.Lint(drafts, LintCorpus.Existing);

        for (int index = 0; index < drafts.Length; index++)
        {
            Assert.All(flags[index], flag => Assert.Contains(drafts[index].Kind, CardRules.All.Single(rule => rule.Id == flag.Rule).Kinds));
            int[] order = [.. flags[index].Select(flag => CardRules.All.ToList().FindIndex(rule => rule.Id == flag.Rule))];
            Assert.Equal(order.Order(), order);
        }
    }

    [Theory]
    [InlineData("In Python, what is the time complexity of it?", true)]
    [InlineData("In Go, why do people avoid them?", true)]
    [InlineData("Why does removing items from a Python list while looping over it skip some of them?", false)]
    [InlineData("In Git, which commits does `git log --merges` show, and why all of them?", false)]
    [InlineData("In Git, which command undoes a commit by adding a new commit that reverses it?", false)]
    public void Lint_FlagsAQuestionEndingOnAPronounOnlyWhenItPointsOutsideTheQuestion(string question, bool orphan) =>
        Assert.Equal(orphan, CardLinter.Lint(Drafts.Basic(question: question, answer: "O(1)")).Any(flag => flag.Rule == CardRules.OrphanContext.Id));

    [Fact]
    public void Lint_FlagsDuplicatesAmongTheDraftsAndWithExistingCards()
    {
        CardDraft[] drafts = [Drafts.Basic(question: "In Go, what is the zero value of a slice?", answer: "`nil`"), Drafts.Basic(question: "In Go, what's the zero value of slices?", answer: "nil")];
        ExistingCard[] existing = [new("AnkiMcpQA", "In Go, what is the zero value of a slice?", "Go.md line 3")];

        IReadOnlyList<IReadOnlyList<CardFlag>> flags = CardLinter.Lint(drafts, existing);

        Assert.Equal("Says the same as Go.md line 3.", Assert.Single(flags[0]).Message);
        Assert.Equal("Says nearly the same as Go.md line 3.", Assert.Single(flags[1]).Message);
        Assert.Equal(LintSeverity.Warning, flags[1][0].Severity);
    }
}
