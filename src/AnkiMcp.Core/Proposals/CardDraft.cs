namespace AnkiMcp.Core.Proposals;

/// <summary>The content of a proposed card: fields are keyed by the note type's field names (see <see cref="CardKindSchema"/>).</summary>
public sealed record CardDraft(CardKind Kind, string Deck, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Tags);
