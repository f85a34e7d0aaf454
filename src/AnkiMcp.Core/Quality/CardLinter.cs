using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>
/// Checks cards against the rules of good cards (<see cref="CardRules"/>) and says what it notices. Flags are advice:
/// nothing here stops a card from being proposed, approved or created.
/// </summary>
public static class CardLinter
{
    private static readonly Dictionary<string, int> s_ruleOrder = CardRules.All.Select((rule, index) => (rule.Id, index)).ToDictionary(StringComparer.Ordinal);

    /// <summary>What the linter notices about one card on its own (duplicates need the other cards: see the other overload).</summary>
    public static IReadOnlyList<CardFlag> Lint(CardDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        List<CardFlag> flags = [];
        OrphanContextCheck.Check(draft, flags);
        switch (draft.Kind)
        {
            case CardKind.Basic:
                YesNoQuestionCheck.Check(draft, flags);
                BasicAnswerCheck.Check(draft, flags);
                break;
            case CardKind.Cloze:
                ClozeCheck.Check(draft, flags);
                break;
            case CardKind.Why:
                YesNoQuestionCheck.Check(draft, flags);
                WhyChainCheck.Check(draft, flags);
                break;
            case CardKind.Error:
                ErrorCardCheck.Check(draft, flags);
                break;
        }

        CodeLengthCheck.Check(draft, flags);
        return InRuleOrder(flags);
    }

    /// <summary>What the linter notices about each of <paramref name="drafts"/>, including cards that repeat an existing
    /// card or an earlier draft.</summary>
    public static IReadOnlyList<IReadOnlyList<CardFlag>> Lint(IReadOnlyList<CardDraft> drafts, IEnumerable<ExistingCard> existing)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(existing);
        List<CardFlag>[] flags = [.. drafts.Select(draft => Lint(draft).ToList())];
        foreach (PossibleDuplicate duplicate in DuplicateFinder.Find(drafts, existing))
            flags[duplicate.Number - 1].Insert(0, DuplicateFlag(duplicate));
        return flags;
    }

    /// <summary>The flag for a proposed card that repeats another card.</summary>
    public static CardFlag DuplicateFlag(PossibleDuplicate duplicate)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        return DuplicateFlag(duplicate.Where, duplicate.Exact);
    }

    /// <summary>The flag for a card that repeats the card at <paramref name="where"/>.</summary>
    public static CardFlag DuplicateFlag(string where, bool exact) =>
        CardRules.Duplicate.Flag(exact ? $"Says the same as {where}." : $"Says nearly the same as {where}.");

    private static List<CardFlag> InRuleOrder(List<CardFlag> flags) => [.. flags.OrderBy(flag => s_ruleOrder[flag.Rule])];
}
