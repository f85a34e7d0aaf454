using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Core.Quality;

/// <summary>
/// <c>orphan-context</c>: the front leans on something the card does not show — it opens with a pronoun, refers to
/// "above" or "as we saw", or mentions a function, keyword or command without naming the language or tool.
/// </summary>
internal static partial class OrphanContextCheck
{
    private static readonly FrozenSet<string> s_pronouns = FrozenSet.ToFrozenSet(
        ["it", "its", "this", "that", "these", "those", "they", "them", "their", "he", "she", "his", "her"], StringComparer.Ordinal);

    public static void Check(CardDraft draft, List<CardFlag> flags)
    {
        if (Front(draft) is not var (read, visible))
            return;
        CardText text = CardText.Of(read);
        if (text.CodeBlocks.Count == 0)
        {
            string? opening = FirstWord(text.Prose);
            if (opening is not null && s_pronouns.Contains(opening.ToLowerInvariant()))
            {
                flags.Add(CardRules.OrphanContext.Flag($"The card opens with \"{opening}\"; alone, months from now, it will not say what that is."));
                return;
            }

            Match pronoun = PronounQuestion().Match(text.Prose);
            if (!pronoun.Success)
                pronoun = TrailingPronoun().Match(text.Prose);
            if (pronoun.Success)
            {
                flags.Add(CardRules.OrphanContext.Flag($"The question asks about \"{pronoun.Groups[1].Value}\" without saying what it is."));
                return;
            }
        }

        Match reference = EarlierReference().Match(text.Prose);
        if (reference.Success)
        {
            flags.Add(CardRules.OrphanContext.Flag($"The card refers to \"{reference.Value}\", which a card shown alone does not have."));
            return;
        }

        // A bare term ("Compiler") asks for the general concept; a sentence about "the function" needs to say whose.
        Match generic = GenericTerm().Match(visible);
        if (generic.Success && CardText.CountWords(visible) >= 3 && !NamesDomain(visible))
            flags.Add(CardRules.OrphanContext.Flag($"The card speaks of \"{generic.Value}\" but names no language, tool or domain."));
    }

    // What the front says in full, and what it shows before the answer (a cloze's deletions hidden); null when the front
    // is code, which names its own context.
    private static (string Read, string Visible)? Front(CardDraft draft)
    {
        switch (draft.Kind)
        {
            case CardKind.Cloze:
                string text = draft.Field("Text");
                IReadOnlyList<ClozeDeletion> deletions = ClozeDeletion.Parse(text);
                return (ClozeDeletion.Show(text, deletions, _ => false), CardText.Of(ClozeDeletion.Show(text, deletions, _ => true)).Prose);
            case CardKind.Error:
                string broken = draft.Field("Broken").TrimStart();
                return broken.StartsWith('`') || broken.StartsWith("~~~", StringComparison.Ordinal) ? null : (broken, broken);
            default:
                string question = draft.Field("Question");
                return (question, question);
        }
    }

    private static string? FirstWord(string prose)
    {
        Match word = Word().Match(prose);
        return word.Success ? word.Value : null;
    }

    // A domain is named by "In X, …", code, a proper name or acronym (a capital inside a sentence), or a word in another script.
    private static bool NamesDomain(string visible)
    {
        if (DomainOpening().IsMatch(visible) || visible.Contains('`', StringComparison.Ordinal))
            return true;
        bool sentenceStart = true;
        foreach (Match word in Word().Matches(visible))
        {
            string value = word.Value;
            if (value.Any(c => c > '\u007f' && char.IsLetter(c)))
                return true;
            bool capital = char.IsUpper(value[0]) && value != "I";
            bool innerCapital = value.Skip(1).Any(char.IsUpper);
            if ((capital && !sentenceStart) || innerCapital)
                return true;
            int end = word.Index + word.Length;
            sentenceStart = end < visible.Length && ".?!:".Contains(visible[end], StringComparison.Ordinal);
        }

        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:what|why|how|when|where|which|who)\s+(?:does|do|did|is|are|was|were|can|could|will|would|should|has|have)\s+(it|they|this|that|these|those)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounQuestion();

    // "… of it?": a question that ends on a pronoun. It points back into the question itself after a quantifier ("skip
    // some of them?") or in a relative clause ("a new commit that reverses it?").
    [GeneratedRegex(@"^(?![^?]*\b(?:that|which|who)\s+\w[^?]*\b(?:it|them)\s*\?\s*$)(?:.*?)(?<!\b(?:some|all|each|any|one|both|none|most|many|few|several|either|neither) of )\b(it|them|this|that|these|those)\s*\?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TrailingPronoun();

    [GeneratedRegex(@"\bas (?:we|you|I) (?:saw|discussed|did|learned|covered|said|mentioned)\b|\bas (?:shown|mentioned|discussed|described|noted|seen|explained|above|before)\b" +
        @"|\b(?:above|previous|preceding|earlier) (?:card|example|snippet|code|section|slide|answer|question|exercise|step|lesson|output)\b" +
        @"|\b(?:the|this|that|these|those) (?:\w+ ){0,2}above\b|\bin (?:this|today's|our|the) (?:lesson|conversation|session|chat|tutorial)\b" +
        @"|\b(?:our|my) (?:code|example|project|function|script|query|program|repo|app)\b|\bwe (?:just |already )?(?:saw|wrote|discussed|did|built|used|learned|covered|made|fixed|tried)\b|\bdid we\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EarlierReference();

    [GeneratedRegex(@"\b(?:(?:function|method|variable|keyword|command|flag|option|parameter|argument|operator|loop|module|package|constant|port|default|setting" +
        @"|compiler|statement|expression|array|string|list|example|snippet|program|script|api|endpoint|framework|tool|macro|field|attribute|object" +
        @"|instance|callback|hook|component|type|error|exception)s?|class(?:es)?|quer(?:y|ies)|librar(?:y|ies)|propert(?:y|ies)|code|syntax)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericTerm();

    [GeneratedRegex(@"^\s*In\s+[^,\n]{1,40},", RegexOptions.CultureInvariant)]
    private static partial Regex DomainOpening();
}
