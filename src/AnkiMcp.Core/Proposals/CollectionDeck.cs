namespace AnkiMcp.Core.Proposals;

/// <summary>A deck that has a deck file in the collection folder.</summary>
/// <param name="Name">The Anki deck name.</param>
/// <param name="File">The deck file, relative to the collection folder, with '/'.</param>
/// <param name="CollabSource"><c>owner/repo</c> when the deck belongs to a collab source (another repository's shared
/// decks, under <c>collab/owner/repo/</c>); null for the collection's own decks.</param>
public sealed record CollectionDeck(string Name, string File, string? CollabSource);
