using AnkiMcp.Core.Sync;

namespace AnkiMcp.Core.Proposals;

/// <summary>What creating the approved cards did.</summary>
/// <param name="Created">The cards now in the Markdown deck files, with their note keys and whether each reached Anki.</param>
/// <param name="Failed">Approved cards that could not be written, with the reason; they stay approved.</param>
/// <param name="DeckFiles">Deck name → the deck file the cards were appended to.</param>
/// <param name="Push">How the push to Anki ended; null when no card was written, so nothing was pushed.</param>
/// <param name="Message">What happened, in one or two sentences for the person.</param>
public sealed record CardCreationResult(IReadOnlyList<Proposal> Created, IReadOnlyList<CardCreationFailure> Failed, IReadOnlyDictionary<string, string> DeckFiles,
    PushStatus? Push, string Message);
