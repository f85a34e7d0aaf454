using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>What list_decks reports.</summary>
internal sealed record DeckListResult(
    [property: Description("Whether Anki answered")] bool AnkiReachable,
    [property: Description("Anki's deck names, sorted")] IReadOnlyList<string> Decks,
    [property: Description("What to tell the person, if anything")] string? Note);
