using System.Text.RegularExpressions;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>A basic card's answer: <c>answer-too-long</c> (words, lines) and <c>several-facts</c> (a list, clauses joined by "and" or ";").</summary>
internal static partial class BasicAnswerCheck
{
    public const int MaxWords = 20;
    public const int MaxLines = 3;

    // Clauses this long on both sides of an "and" or ";" are two statements, not one noun phrase ("red and blue").
    private const int ClauseWords = 5;

    public static void Check(CardDraft draft, List<CardFlag> flags)
    {
        CardText answer = CardText.Of(draft.Field("Answer"));
        if (SeveralFacts(answer) is { } facts)
            flags.Add(CardRules.SeveralFacts.Flag(facts));

        int lines = answer.ProseLines.Count() - answer.ListItems;
        if (answer.Words > MaxWords)
            flags.Add(CardRules.AnswerTooLong.Flag($"The answer has {answer.Words} words; a basic answer should have at most {MaxWords}."));
        else if (lines > MaxLines)
            flags.Add(CardRules.AnswerTooLong.Flag($"The answer runs over {lines} lines; a basic answer should fit in {MaxLines}."));
    }

    private static string? SeveralFacts(CardText answer)
    {
        if (answer.ListItems >= 2)
            return $"The answer is a list of {answer.ListItems} items.";
        int lines = answer.ProseLines.Count();
        if (lines >= 3)
            return $"The answer has {lines} separate lines.";
        IReadOnlyList<string> sentences = answer.Sentences(minimumWords: 4);
        if (sentences.Count >= 2)
            return $"The answer has {sentences.Count} sentences.";
        foreach (string sentence in answer.Sentences())
        {
            // "A, B, C and D": short items, commas between them.
            string[] items = ListSeparator().Split(sentence).Select(item => item.Trim()).Where(item => item.Length > 0).ToArray();
            if (items.Length >= 3 && sentence.Contains(',', StringComparison.Ordinal) && items.All(item => CardText.CountWords(item) <= 4))
                return $"The answer lists {items.Length} things.";

            // "X happens, Y happens, Z happens and W happens": whole clauses listed the same way.
            string[] clauses = ClauseSeparator().Split(sentence);
            if (clauses.Length >= 4 && clauses.All(clause => CardText.CountWords(clause) >= 3) && LastItemJoin().IsMatch(clauses[^1]))
                return $"The answer strings {clauses.Length} clauses together.";
            for (int index = 1; index < clauses.Length; index++)
            {
                // "X, while Y": two statements set against each other.
                Match contrast = Contrast().Match(clauses[index]);
                if (contrast.Success && CardText.CountWords(clauses[index - 1]) >= ClauseWords && CardText.CountWords(clauses[index]) > ClauseWords)
                    return $"The answer sets two statements side by side with \"{contrast.Groups[1].Value}\".";
            }

            foreach (string clause in clauses)
            {
                foreach (Match join in ClauseJoin().Matches(clause))
                {
                    string after = clause[(join.Index + join.Length)..];
                    if (CardText.CountWords(clause[..join.Index]) >= ClauseWords && CardText.CountWords(after) >= ClauseWords && SubjectStart().IsMatch(after))
                        return $"The answer joins two statements with \"{join.Value.Trim()}\".";
                }
            }
        }

        foreach (string sentence in answer.Sentences())
        {
            string[] halves = sentence.Split(';');
            if (halves.Length >= 2 && halves.All(half => CardText.CountWords(half) >= ClauseWords))
                return "The answer joins two statements with \";\".";
        }

        return null;
    }

    // Items of an enumeration: "A, B, C and D".
    [GeneratedRegex(@",\s*(?:and|or)\s+|,|\s+(?:and|or)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^\s*(?:and|or)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastItemJoin();

    [GeneratedRegex(@"^\s*(while|whereas)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contrast();

    [GeneratedRegex(@"[,;]", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseSeparator();

    [GeneratedRegex(@"\s(?:and|while|whereas)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseJoin();

    // What follows the "and" opens with a subject of its own (code, a name, a pronoun or an article), so it is a second
    // statement, not a second verb or object of the first ("define and enforce the state").
    [GeneratedRegex(@"^\s*(?:`|\p{Lu}|(?:the|a|an|it|they|this|that|these|those|its|their|each|every|all|some|no|he|she|we|you|there)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectStart();
}
