using AnkiMcp.Core.Proposals;
using AnkiMcp.Core.Quality;

namespace AnkiMcp.Tests.Quality;

/// <summary>
/// How the linter does on a labelled corpus. A flag is right when its card is labelled with its rule. Precision: the
/// share of flags that are right; recall: the share of labels that got their flag; and the share of good cards flagged.
/// </summary>
internal sealed record LintScore(int RightFlags, int WrongFlags, int MissedLabels, int GoodCards, int GoodCardsFlagged, IReadOnlyList<RuleScore> Rules,
    IReadOnlyList<string> Mistakes)
{
    public double Precision => RightFlags + WrongFlags == 0 ? 1 : (double)RightFlags / (RightFlags + WrongFlags);

    public double Recall => RightFlags + MissedLabels == 0 ? 1 : (double)RightFlags / (RightFlags + MissedLabels);

    public double GoodFlaggedShare => GoodCards == 0 ? 0 : (double)GoodCardsFlagged / GoodCards;

    public static LintScore Of(IReadOnlyList<LintCorpusCard> cards, IReadOnlyList<ExistingCard> existing)
    {
        Dictionary<string, (int Right, int Wrong, int Missed)> rules = CardRules.All.ToDictionary(rule => rule.Id, _ => (0, 0, 0), StringComparer.Ordinal);
        List<string> mistakes = [];
        int goodFlagged = 0;
        foreach (LintCorpusCard card in cards)
        {
            HashSet<string> raised = [.. CardLinter.Lint([card.Draft], existing)[0].Select(flag => flag.Rule)];
            if (card.IsGood && raised.Count > 0)
                goodFlagged++;
            foreach (string rule in raised.Union(card.ExpectedRules))
            {
                (int right, int wrong, int missed) = rules[rule];
                bool expected = card.ExpectedRules.Contains(rule);
                bool flagged = raised.Contains(rule);
                rules[rule] = (right + (expected && flagged ? 1 : 0), wrong + (flagged && !expected ? 1 : 0), missed + (expected && !flagged ? 1 : 0));
                if (expected != flagged)
                    mistakes.Add($"{(flagged ? "wrongly flagged" : "missed")} {rule}: {card}");
            }
        }

        RuleScore[] scores = [.. rules.Select(rule => new RuleScore(rule.Key, rule.Value.Right, rule.Value.Wrong, rule.Value.Missed))];
        return new LintScore(scores.Sum(s => s.Right), scores.Sum(s => s.Wrong), scores.Sum(s => s.Missed), cards.Count(c => c.IsGood), goodFlagged, scores, mistakes);
    }
}

/// <summary>One rule's share of a <see cref="LintScore"/>.</summary>
internal sealed record RuleScore(string Rule, int Right, int Wrong, int Missed);
