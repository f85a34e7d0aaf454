using AnkiMcp.Core.Quality;

namespace AnkiMcp.Tests.Quality;

/// <summary>The linter against its labelled corpus: a correctness check of the figures the issue asks for.</summary>
public sealed class LintCorpusTests
{
    private static readonly LintScore s_score = LintScore.Of(LintCorpus.Cards, LintCorpus.Existing);

    [Fact]
    public void Corpus_LabelsOnlyKnownRulesAndHasGoodAndBadCardsOfEveryKind()
    {
        HashSet<string> known = [.. CardRules.All.Select(rule => rule.Id)];
        Assert.All(LintCorpus.Cards, card => Assert.Subset(known, card.ExpectedRules.ToHashSet()));
        Assert.All(Enum.GetValues<Core.Proposals.CardKind>(), kind =>
        {
            Assert.True(LintCorpus.Cards.Count(c => c.Draft.Kind == kind && c.IsGood) >= 20, $"{kind}: at least 20 good cards");
            Assert.True(LintCorpus.Cards.Count(c => c.Draft.Kind == kind && !c.IsGood) >= 15, $"{kind}: at least 15 bad cards");
        });
    }

    [Fact]
    public void Corpus_HasABadCardForEveryRuleAndEveryKindItAppliesTo()
    {
        string[] missing = [.. CardRules.All.SelectMany(rule => rule.Kinds
            .Where(kind => !LintCorpus.Cards.Any(card => card.Draft.Kind == kind && card.ExpectedRules.Contains(rule.Id)))
            .Select(kind => $"{rule.Id} on a {kind} card"))];
        Assert.True(missing.Length == 0, $"no corpus card breaks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Linter_IsPreciseOnTheBadCards() =>
        Assert.True(s_score.Precision >= 0.9, $"precision {s_score.Precision:P1}:\n{string.Join('\n', s_score.Mistakes)}");

    [Fact]
    public void Linter_FlagsAtMostOneGoodCardInTwenty() =>
        Assert.True(s_score.GoodFlaggedShare <= 0.05, $"{s_score.GoodCardsFlagged} of {s_score.GoodCards} good cards flagged:\n{string.Join('\n', s_score.Mistakes)}");

    [Fact]
    public void Linter_FindsMostOfWhatIsWrong() =>
        Assert.True(s_score.Recall >= 0.8, $"recall {s_score.Recall:P1}:\n{string.Join('\n', s_score.Mistakes)}");
}
