using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>
/// A cloze text: <c>cloze-gives-away</c> (the hidden term is visible elsewhere on its card, or the hint says it),
/// <c>cloze-too-many</c> (more than 3 deletion numbers) and <c>cloze-hides-too-much</c> (one deletion hides most of the
/// text, or a whole explanation).
/// </summary>
internal static class ClozeCheck
{
    public const int MaxNumbers = 3;
    public const int MaxHiddenWords = 8;

    public static void Check(CardDraft draft, List<CardFlag> flags)
    {
        string text = draft.Field("Text");
        IReadOnlyList<ClozeDeletion> deletions = ClozeDeletion.Parse(text);
        if (deletions.Count == 0)
            return;

        if (GivenAway(text, deletions) is { } givenAway)
            flags.Add(CardRules.ClozeGivesAway.Flag(givenAway));

        int totalWords = CardText.CountWords(WithoutFences(ClozeDeletion.Show(text, deletions, _ => false)));
        foreach (ClozeDeletion deletion in deletions)
        {
            int hidden = CardText.CountWords(WithoutFences(deletion.Answer));
            if (hidden > MaxHiddenWords || (hidden >= 3 && hidden * 2 > totalWords))
            {
                flags.Add(CardRules.ClozeHidesTooMuch.Flag($"Deletion c{deletion.Number} hides {hidden} of the text's {totalWords} words."));
                break;
            }
        }

        int numbers = deletions.Select(deletion => deletion.Number).Distinct().Count();
        if (numbers > MaxNumbers)
            flags.Add(CardRules.ClozeTooMany.Flag($"The note has {numbers} deletion numbers, so {numbers} cards; keep it to {MaxNumbers} at most."));
    }

    private static string? GivenAway(string text, IReadOnlyList<ClozeDeletion> deletions)
    {
        foreach (ClozeDeletion deletion in deletions)
        {
            string answer = DuplicateFinder.Normalize(deletion.Answer);
            if (!answer.Any(char.IsLetterOrDigit))
                continue;
            if (deletion.Hint is not null)
            {
                string hint = DuplicateFinder.Normalize(deletion.Hint);
                if (hint.Contains(answer, StringComparison.Ordinal) || (hint.Length >= 3 && answer.Contains(hint, StringComparison.Ordinal)))
                    return $"The hint of c{deletion.Number} (\"{deletion.Hint}\") gives the answer \"{deletion.Answer}\".";
            }

            string[] visible = DuplicateFinder.Normalize(ClozeDeletion.Show(text, deletions, number => number == deletion.Number)).Split(' ');
            string[] hidden = answer.Split(' ');
            if (Contains(visible, hidden))
                return $"\"{deletion.Answer}\", hidden by c{deletion.Number}, can still be read elsewhere on that card.";
            if (SpelledOut(visible, deletion.Answer.Trim('`', '*', '_', ' ')) is { } expansion)
                return $"The acronym \"{deletion.Answer}\", hidden by c{deletion.Number}, is spelled out on that card (\"{expansion}\").";
        }

        return null;
    }

    // Whether the words appear in a row; a single long word also matches the start of a longer one ("owner" in "owners").
    private static bool Contains(string[] visible, string[] hidden)
    {
        for (int start = 0; start + hidden.Length <= visible.Length; start++)
        {
            bool all = true;
            for (int offset = 0; offset < hidden.Length && all; offset++)
            {
                string seen = visible[start + offset], word = hidden[offset];
                all = seen == word || (hidden.Length == 1 && word.Length >= 4 && seen.StartsWith(word, StringComparison.Ordinal));
            }

            if (all)
                return true;
        }

        return false;
    }

    // The words whose initials spell an acronym answer (GIL: "global interpreter lock"), or null.
    private static string? SpelledOut(string[] visible, string answer)
    {
        if (answer.Length is < 2 or > 6 || !answer.All(char.IsAsciiLetterUpper))
            return null;
        for (int start = 0; start + answer.Length <= visible.Length; start++)
        {
            bool all = true;
            for (int offset = 0; offset < answer.Length && all; offset++)
                all = visible[start + offset].Length > 1 && char.ToLowerInvariant(answer[offset]) == visible[start + offset][0];
            if (all)
                return string.Join(' ', visible[start..(start + answer.Length)]);
        }

        return null;
    }

    private static string WithoutFences(string text) => string.Join('\n', text.Split('\n').Where(line => !CardText.IsFence(line)));
}
