using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Core.Sync;

/// <summary>The Markdown side of a sync: the parsed collection, its managed note types and every note in it.</summary>
internal sealed class LocalCollection
{
    private LocalCollection(string directory, MarkdownCollection collection)
    {
        Directory = directory;
        Collection = collection;
        Types = collection.NoteTypes.ToDictionary(type => type.Name, type => new ManagedNoteType(type), StringComparer.Ordinal);
        Notes = [.. collection.DeckFiles.SelectMany(deck => deck.Notes.Select(note => new LocalNote(
            note.Key, note.NoteTypeName, deck.DeckName, note.Fields, note.Tags, RelativePath(deck.Path), note.Line)))];
    }

    public string Directory { get; }

    public MarkdownCollection Collection { get; }

    public IReadOnlyDictionary<string, ManagedNoteType> Types { get; }

    public IReadOnlyList<LocalNote> Notes { get; }

    /// <summary>Loads the folder; any parse error stops the sync before it changes anything.</summary>
    public static LocalCollection Load(string directory)
    {
        MarkdownCollection collection = MarkdownCollection.Load(directory);
        List<CollectionError> errors = [.. collection.Errors, .. collection.DeckFiles.SelectMany(deck => deck.Errors)];
        if (errors.Count > 0)
        {
            throw new SyncRefusedException(string.Join(Environment.NewLine, errors.Distinct().Select(error => error.ToString()))
                + Environment.NewLine + "Fix the Markdown above and run again. Nothing was changed.");
        }
        return new LocalCollection(directory, collection);
    }

    public string RelativePath(string path) => Path.GetRelativePath(Directory, path).Replace('\\', '/');
}
