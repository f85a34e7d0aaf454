using System.Text.RegularExpressions;
using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Core.Proposals;

/// <summary>Checks a draft against its kind's rules; every problem is phrased so the author can fix it.</summary>
public static partial class CardDraftValidator
{
    private const int MaxDeckNameLength = 250;

    /// <summary>The problems with a draft; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(CardDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        CardKindSchema schema = CardKindSchema.For(draft.Kind);
        List<string> problems = [];
        // Checked first and alone: nothing else should read a field of megabytes.
        foreach ((string name, string text) in draft.Fields.Where(field => field.Value.Length > ProposalLimits.FieldLength))
            problems.Add($"{name} is {text.Length:N0} characters long; a field holds at most {ProposalLimits.FieldLength:N0}. A card asks one thing: shorten it or split it into several cards.");
        if (problems.Count > 0)
            return problems;

        foreach (string name in draft.Fields.Keys.Where(name => !schema.FieldNames.Contains(name)))
            problems.Add($"A {Describe(draft.Kind)} card has no field '{name}'; its fields are {string.Join(", ", schema.FieldNames)}.");

        foreach (string required in schema.RequiredFields.Where(required => string.IsNullOrWhiteSpace(FieldOrEmpty(draft, required))))
            problems.Add($"A {Describe(draft.Kind)} card needs '{required}' ({RequiredHint(draft.Kind, required)}).");

        bool hasCloze = draft.Fields.Values.Any(value => ClozeDeletion().IsMatch(value));
        if (draft.Kind == CardKind.Cloze && !string.IsNullOrWhiteSpace(FieldOrEmpty(draft, "Text")) && !ClozeDeletion().IsMatch(FieldOrEmpty(draft, "Text")))
            problems.Add("A cloze card's Text must hide at least one term as {{c1::term}}.");
        if (draft.Kind != CardKind.Cloze && hasCloze)
            problems.Add($"Only cloze cards may contain {{{{cN::…}}}} deletions; make this a cloze card or remove them from the {Describe(draft.Kind)} card.");

        string? deckProblem = DeckNameProblem(draft.Deck);
        if (deckProblem is not null)
            problems.Add(deckProblem);

        if (draft.Tags.Count > ProposalLimits.TagsPerCard)
            problems.Add($"The card has {draft.Tags.Count} tags; at most {ProposalLimits.TagsPerCard} are allowed.");
        foreach (string tag in draft.Tags.Where(tag => tag.Length == 0 || tag.Length > ProposalLimits.TagLength || tag.Any(char.IsWhiteSpace)).Take(ProposalLimits.TagsPerCard))
        {
            problems.Add(tag.Length > ProposalLimits.TagLength
                ? $"Tag '{tag[..40]}…' is longer than {ProposalLimits.TagLength} characters."
                : $"Tag '{tag}' is not valid: Anki tags are single words without spaces (use '_' or '::' to join words).");
        }

        return problems;
    }

    /// <summary>Why a deck name cannot be used, or null when it can.</summary>
    public static string? DeckNameProblem(string? deck)
    {
        if (string.IsNullOrWhiteSpace(deck))
            return "The deck is missing; give the Anki deck name, e.g. 'Programming::Rust'.";
        if (deck.Length > MaxDeckNameLength)
            return $"Deck name '{deck[..40]}…' is longer than {MaxDeckNameLength} characters.";
        if (deck.Any(char.IsControl) || deck.Contains('"', StringComparison.Ordinal))
            return $"Deck name '{deck}' contains a quote or a control character; use plain text with '::' between levels.";
        string[] levels = deck.Split("::");
        if (levels.Any(level => level.Trim().Length == 0 || level.Trim() != level))
            return $"Deck name '{deck}' has an empty level or spaces around '::'; write it like 'Programming::Rust'.";
        if (levels.Any(level => level.StartsWith('_') || level.EndsWith('_')))
            return $"Deck name '{deck}' has a level that starts or ends with '_', which cannot be told apart from '::' in deck file names.";
        return DeckFileNames.Problem(deck);
    }

    /// <summary>The kind's name as people say it.</summary>
    public static string Describe(CardKind kind) => kind.ToString().ToLowerInvariant();

    private static string FieldOrEmpty(CardDraft draft, string name) =>
        draft.Fields.TryGetValue(name, out string? value) ? value : string.Empty;

    private static string RequiredHint(CardKind kind, string field) => (kind, field) switch
    {
        (CardKind.Basic, "Question") => "the front: what is asked",
        (CardKind.Basic, "Answer") => "the back: the answer",
        (CardKind.Cloze, "Text") => "the sentence with {{c1::…}} deletions",
        (CardKind.Why, "Question") => "a question asking for a mechanism",
        (CardKind.Why, "Chain") => "the consequence chain that answers it",
        (CardKind.Error, "Broken") => "the broken code or reasoning",
        (CardKind.Error, "Fix") => "the fix",
        (CardKind.Error, "Why") => "why it broke",
        _ => "required",
    };

    [GeneratedRegex(@"\{\{c\d+::.+?\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ClozeDeletion();
}
