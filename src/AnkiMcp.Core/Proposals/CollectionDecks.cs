using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// The decks of a collection folder by their file names alone: its own deck files, then those of every collab source.
/// Cheap (nothing is parsed) and never refused: a file or folder whose name is no deck's or no source's is left out;
/// the sync reports it.
/// </summary>
public static class CollectionDecks
{
    public static IReadOnlyList<CollectionDeck> In(string collectionDirectory)
    {
        ArgumentNullException.ThrowIfNull(collectionDirectory);
        if (!Directory.Exists(collectionDirectory))
            return [];
        List<CollectionDeck> decks = [.. Of(collectionDirectory, null, "")];
        string collab = Path.Combine(collectionDirectory, DeckSource.CollabFolder);
        if (!Directory.Exists(collab))
            return decks;
        foreach (string owner in Directory.EnumerateDirectories(collab).Order(StringComparer.Ordinal))
        {
            foreach (string repository in Directory.EnumerateDirectories(owner).Order(StringComparer.Ordinal))
            {
                string source = $"{Path.GetFileName(owner)}/{Path.GetFileName(repository)}";
                decks.AddRange(Of(repository, source, $"{DeckSource.CollabFolder}/{source}/"));
            }
        }

        return decks;
    }

    private static IEnumerable<CollectionDeck> Of(string folder, string? source, string prefix)
    {
        foreach (string path in MarkdownCollection.DeckFilePaths(folder))
        {
            string fileName = Path.GetFileName(path);
            string? deck = null;
            try
            {
                deck = DeckFileNames.ToDeckName(fileName);
            }
            catch (ArgumentException)
            {
                // A file whose name no deck has; the sync reports it.
            }

            if (deck is not null)
                yield return new CollectionDeck(deck, prefix + fileName, source);
        }
    }
}
