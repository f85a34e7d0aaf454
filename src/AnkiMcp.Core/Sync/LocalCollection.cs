using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>The Markdown side of a sync: the parsed collection, its managed note types (collab sources' included) and
/// every note in it.</summary>
internal sealed class LocalCollection
{
    private LocalCollection(string directory, MarkdownCollection collection)
    {
        Directory = directory;
        Collection = collection;
        Types = collection.Sources.SelectMany(source => source.NoteTypes.Types).ToDictionary(type => type.Name, type => new ManagedNoteType(type), StringComparer.Ordinal);
        Notes = [.. collection.Decks.SelectMany(deck =>
        {
            string file = RelativePath(deck.Path);
            return deck.Notes.Select(note => new LocalNote(note.Key, note.NoteTypeName, deck.DeckName, note.Fields, note.Tags, file, note.Line));
        })];
    }

    public string Directory { get; }

    public MarkdownCollection Collection { get; }

    public IReadOnlyDictionary<string, ManagedNoteType> Types { get; }

    public IReadOnlyList<LocalNote> Notes { get; }

    /// <summary>The collection as it will be once these deck file texts are written.</summary>
    public LocalCollection WithDeckTexts(IReadOnlyDictionary<string, string> textsByPath) =>
        textsByPath.Count == 0 ? this : Checked(Directory, Collection.WithDeckTexts(textsByPath));

    /// <summary>Loads the folder (through the caches when given: see <see cref="MarkdownCollection.Load"/>); any parse
    /// error stops the sync before it changes anything.</summary>
    public static LocalCollection Load(string directory, CachedNoteTypes? noteTypes = null, DeckFileCache? deckFiles = null)
    {
        MarkdownCollection collection;
        try
        {
            collection = MarkdownCollection.Load(directory, noteTypes, deckFiles);
        }
        catch (CollectionFormatException invalid)
        {
            throw new SyncRefusedException(invalid.Message + FixAdvice, invalid);
        }
        return Checked(directory, collection);
    }

    private static LocalCollection Checked(string directory, MarkdownCollection collection) =>
        collection.Errors.Count > 0
            ? throw new SyncRefusedException(string.Join(Environment.NewLine, collection.Errors) + FixAdvice)
            : new LocalCollection(directory, collection);

    private static string FixAdvice => Environment.NewLine + "Fix the collection as said above and run again. Nothing was changed.";

    public string RelativePath(string path) => Path.GetRelativePath(Directory, path).Replace('\\', '/');
}
