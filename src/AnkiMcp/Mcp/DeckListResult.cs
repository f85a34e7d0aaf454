using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>What list_decks reports.</summary>
internal sealed record DeckListResult(
    [property: Description("Whether Anki answered; when false, only the Markdown decks are listed")] bool AnkiReachable,
    [property: Description("Every deck name, from Anki and the Markdown collection, sorted")] IReadOnlyList<string> Decks,
    [property: Description("Decks that have a Markdown deck file in the collection folder")] IReadOnlyList<string> MarkdownDecks,
    [property: Description("Collab decks (deck → owner/repo): another repository's shared decks under collab/owner/repo/; they sync, but cards cannot be proposed to them")]
    IReadOnlyDictionary<string, string> CollabDecks,
    [property: Description("What to tell the person, if anything")] string? Note);
