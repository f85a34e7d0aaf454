using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>What create_approved_cards reports.</summary>
internal sealed record CreateCardsResult(
    [property: Description("The cards created by this call, with their note keys and whether each reached Anki")] IReadOnlyList<CardView> Created,
    [property: Description("Deck name → the Markdown deck file the cards were appended to")] IReadOnlyDictionary<string, string> DeckFiles,
    [property: Description("True when every created card is in Anki now; false when some wait in Markdown for the next sync")] bool AllInAnki,
    [property: Description("What happened; tell the person exactly this")] string Message,
    [property: Description("Approved cards that could not be written, and why; they stay approved and the others were created")] IReadOnlyList<NotCreatedCard> NotCreated);
