using System.ComponentModel;
using AnkiMcp.Core.Proposals;
using ModelContextProtocol;

namespace AnkiMcp.Mcp;

/// <summary>A card as the assistant writes it: the kind decides which of the text fields are used.</summary>
internal sealed record ProposedCardInput(
    [property: Description("basic (question/answer), cloze (exact term hidden as {{c1::term}}), why (mechanism question + consequence chain) or error (broken code/logic, fix, why it broke)")]
    string? Kind = null,
    [property: Description("Anki deck name, levels joined by '::', e.g. 'Programming::Rust'")]
    string? Deck = null,
    [property: Description("basic and why: the question on the front (Markdown)")]
    string? Question = null,
    [property: Description("basic: the answer on the back (Markdown)")]
    string? Answer = null,
    [property: Description("cloze: the text with one or more {{c1::hidden term}} deletions (Markdown)")]
    string? Text = null,
    [property: Description("why: the consequence chain from cause to effect, steps joined by →")]
    string? Chain = null,
    [property: Description("error: the broken code or reasoning (Markdown; fence code with its language)")]
    string? Broken = null,
    [property: Description("error: the fix")]
    string? Fix = null,
    [property: Description("error: why it broke")]
    string? Why = null,
    [property: Description("optional extra shown on the back: an example, a source, the error message")]
    string? Extra = null,
    [property: Description("Anki tags, single words (use '::' for hierarchy), e.g. ['rust', 'lesson::ownership']")]
    IReadOnlyList<string>? Tags = null)
{
    private static readonly string[] KindNames = [.. Enum.GetValues<CardKind>().Select(CardDraftValidator.Describe)];

    /// <summary>The draft this input describes; every field not used by the kind must be empty.</summary>
    public CardDraft ToDraft(int number)
    {
        CardKind kind = ParseKind(Kind, number)
            ?? throw new McpException($"Card {number}: give its kind: {string.Join(", ", KindNames)}.");
        return new CardDraft(kind, Deck?.Trim() ?? string.Empty, FieldsFor(kind, null, number), Tags ?? []);
    }

    /// <summary>The current draft changed by what this input gives (null keeps a value, "" clears an optional field).</summary>
    public CardDraft MergeInto(CardDraft current, int number)
    {
        ArgumentNullException.ThrowIfNull(current);
        CardKind kind = ParseKind(Kind, number) ?? current.Kind;
        IReadOnlyDictionary<string, string>? keep = kind == current.Kind ? current.Fields : null;
        return new CardDraft(kind, Deck?.Trim() ?? current.Deck, FieldsFor(kind, keep, number), Tags ?? current.Tags);
    }

    private Dictionary<string, string> FieldsFor(CardKind kind, IReadOnlyDictionary<string, string>? keep, int number)
    {
        (string Name, string? Value)[] given =
        [
            ("Question", Question), ("Answer", Answer), ("Text", Text), ("Chain", Chain),
            ("Broken", Broken), ("Fix", Fix), ("Why", Why), ("Extra", Extra),
        ];
        CardKindSchema schema = CardKindSchema.For(kind);
        string[] foreign = [.. given.Where(field => field.Value is not null && !schema.FieldNames.Contains(field.Name)).Select(field => field.Name.ToLowerInvariant())];
        if (foreign.Length > 0)
        {
            throw new McpException($"Card {number}: a {CardDraftValidator.Describe(kind)} card does not use {string.Join(", ", foreign)}; " +
                $"its fields are {string.Join(", ", schema.FieldNames.Select(name => name.ToLowerInvariant()))}.");
        }

        Dictionary<string, string> fields = [];
        foreach (string name in schema.FieldNames)
        {
            string? value = given.First(field => field.Name == name).Value ?? keep?.GetValueOrDefault(name);
            if (!string.IsNullOrWhiteSpace(value))
                fields[name] = value.Trim();
        }

        return fields;
    }

    private static CardKind? ParseKind(string? kind, int number)
    {
        if (string.IsNullOrWhiteSpace(kind))
            return null;
        foreach (CardKind candidate in Enum.GetValues<CardKind>())
        {
            if (string.Equals(CardDraftValidator.Describe(candidate), kind.Trim(), StringComparison.OrdinalIgnoreCase))
                return candidate;
        }

        throw new McpException($"Card {number}: kind '{Quoted.Of(kind)}' is unknown; use one of {string.Join(", ", KindNames)}.");
    }
}
