using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Mcp;

/// <summary>
/// Reads the collection's note types and deck files into the server's caches in the background as the server starts,
/// so the first <c>propose_cards</c> finds them parsed instead of parsing the whole collection while the assistant waits.
/// </summary>
internal static class CollectionWarmUp
{
    public static void Start(string collectionDirectory, CachedNoteTypes noteTypes, DeckFileCache deckFiles) =>
        _ = Task.Run(() =>
        {
            try
            {
                NoteTypeRegistry types = noteTypes.Get();
                foreach (string path in MarkdownCollection.DeckFilePaths(collectionDirectory))
                    deckFiles.Get(path, types);
            }
            catch (Exception error) when (error is CollectionFormatException or IOException or UnauthorizedAccessException)
            {
                // Nothing is cached then: the tool call that needs the collection reads it again and reports the problem.
            }
        });
}
