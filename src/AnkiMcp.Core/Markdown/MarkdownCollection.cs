using System.Diagnostics.CodeAnalysis;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown;

/// <summary>A collection folder as read from disk: its note types, its deck files (the top-level <c>*.md</c> files,
/// except README, CHANGELOG, LICENSE and the like, of the folder and of every collab source under
/// <c>collab/&lt;owner&gt;/&lt;repo&gt;/</c>) and every problem found, including note keys used twice across files and
/// deck names used by two sources.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "An Anki collection, not a .NET collection type.")]
public sealed class MarkdownCollection
{
    private readonly Dictionary<string, DeckSource> _sourceByDeckPath;

    private MarkdownCollection(string directory, IReadOnlyList<DeckSource> sources, IReadOnlyList<DeckFile> decks, Dictionary<string, DeckSource> sourceByDeckPath, IReadOnlyList<CollectionError> errors)
    {
        Directory = directory;
        Sources = sources;
        Decks = decks;
        _sourceByDeckPath = sourceByDeckPath;
        Errors = errors;
    }

    /// <summary>The full path of the collection folder.</summary>
    public string Directory { get; }

    /// <summary>The collection's own note types (those of <c>note_types/</c>).</summary>
    public NoteTypeRegistry NoteTypes => Sources[0].NoteTypes;

    /// <summary>The collection's own source first, then the collab sources by name.</summary>
    public IReadOnlyList<DeckSource> Sources { get; }

    /// <summary>The deck files of every source, ordered by source, then file name.</summary>
    public IReadOnlyList<DeckFile> Decks { get; }

    /// <summary>All problems: those of each deck file plus keys used in more than one file.</summary>
    public IReadOnlyList<CollectionError> Errors { get; }

    /// <summary>Loads the collection in <paramref name="dir"/>; with <paramref name="noteTypes"/> and <paramref name="deckFiles"/>,
    /// only what changed since they last read it is parsed again (every check runs on the whole collection all the same).</summary>
    /// <exception cref="CollectionFormatException">The note types (of the folder or of a collab source) are missing or invalid.</exception>
    public static MarkdownCollection Load(string dir, CachedNoteTypes? noteTypes = null, DeckFileCache? deckFiles = null)
    {
        string full = Path.GetFullPath(dir);
        IReadOnlyList<DeckSource> sources = DeckSource.Discover(full, noteTypes);
        List<(DeckSource Source, string Path)> paths = [.. sources.SelectMany(source => DeckFilePaths(source.Directory).Select(path => (source, path)))];
        // Through the cache an unchanged file costs a read and a hash: parallel workers would cost more than they save,
        // and on a busy thread pool the wait for one can take half a second.
        List<DeckFile> decks = deckFiles is null ? ParseAll(paths) : [.. paths.Select(item => Located(item.Source, deckFiles.Get(item.Path, item.Source.NoteTypes)))];
        Dictionary<string, DeckSource> sourceByPath = new(StringComparer.Ordinal);
        foreach ((DeckSource source, string path) in paths)
            sourceByPath[path] = source;
        List<CollectionError> errors = [.. decks.SelectMany(d => d.Errors)];
        Dictionary<string, DeckFile> deckNames = new(StringComparer.Ordinal);
        // Sized once: a large collection has tens of thousands of keys, and growing by doubling copies them all again.
        Dictionary<string, (DeckFile Deck, MarkdownNote Note)> seen = new(decks.Sum(deck => deck.Notes.Count), StringComparer.Ordinal);
        foreach (DeckFile deck in decks)
        {
            string file = sourceByPath[deck.Path].RelativePathOf(Path.GetFileName(deck.Path));
            if (!deckNames.TryAdd(deck.DeckName, deck))
                errors.Add(new CollectionError(file, 1, $"deck '{deck.DeckName}' is also the deck of {RelativePath(sourceByPath, deckNames[deck.DeckName])}; a deck lives in one file, so merge the two or rename one"));
            foreach (MarkdownNote note in deck.Notes)
            {
                if (note.Key is not null && !seen.TryAdd(note.Key, (deck, note)))
                {
                    (DeckFile firstDeck, MarkdownNote firstNote) = seen[note.Key];
                    if (firstDeck != deck)
                        errors.Add(new CollectionError(file, note.Line, $"duplicate note_key {note.Key}: also used in {RelativePath(sourceByPath, firstDeck)}:{firstNote.Line}; keep one and delete the other key line to get a new key"));
                }
            }
        }
        return new MarkdownCollection(full, sources, decks, sourceByPath, errors);
    }

    /// <summary>This collection with the given deck files parsed from these texts instead of their files (edits planned
    /// but not written yet; once written as given, the decks' content hashes match the files).</summary>
    public MarkdownCollection WithDeckTexts(IReadOnlyDictionary<string, string> textsByPath)
    {
        ArgumentNullException.ThrowIfNull(textsByPath);
        List<DeckFile> decks = [.. Decks.Select(deck => textsByPath.TryGetValue(deck.Path, out string? text)
            ? Located(SourceOf(deck), DeckFileParser.Parse(deck.Path, text, SourceOf(deck).NoteTypes))
            : deck)];
        HashSet<string> replaced = [.. Decks.Where(deck => textsByPath.ContainsKey(deck.Path)).Select(deck => RelativePath(_sourceByDeckPath, deck))];
        List<CollectionError> errors = [.. Errors.Where(error => !replaced.Contains(error.File)), .. decks.Where(deck => textsByPath.ContainsKey(deck.Path)).SelectMany(deck => deck.Errors)];
        return new MarkdownCollection(Directory, Sources, decks, _sourceByDeckPath, errors);
    }

    /// <summary>The deck with Anki name <paramref name="deckName"/>, or null.</summary>
    public DeckFile? FindDeck(string deckName) => Decks.FirstOrDefault(d => d.DeckName == deckName);

    /// <summary>The source a deck file of this collection belongs to.</summary>
    public DeckSource SourceOf(DeckFile deck)
    {
        ArgumentNullException.ThrowIfNull(deck);
        return _sourceByDeckPath[deck.Path];
    }

    /// <summary>The source whose note types include <paramref name="noteTypeName"/>, or null.</summary>
    public DeckSource? SourceOfNoteType(string noteTypeName) => Sources.FirstOrDefault(source => source.NoteTypes.Find(noteTypeName) is not null);

    /// <summary>The deck file paths of a collection folder (of one source: collab decks are not included).</summary>
    public static IEnumerable<string> DeckFilePaths(string dir) =>
        System.IO.Directory.EnumerateFiles(dir, "*", SearchOption.TopDirectoryOnly)
            .Where(p => DeckFileNames.IsDeckFileName(Path.GetFileName(p)))
            .Order(StringComparer.Ordinal);

    // The parser names files by their name alone; a collab deck's errors name its folder too.
    // Parallel.For rather than PLINQ: its code is compiled ahead of time, where PLINQ's generic operators over these
    // tuples cost each command about 60 methods to compile at start.
    private static List<DeckFile> ParseAll(List<(DeckSource Source, string Path)> paths)
    {
        var decks = new DeckFile[paths.Count];
        Parallel.For(0, paths.Count, i => decks[i] = Located(paths[i].Source, DeckFileParser.Load(paths[i].Path, paths[i].Source.NoteTypes)));
        return [.. decks];
    }

    private static DeckFile Located(DeckSource source, DeckFile deck) =>
        source.IsCollab ? deck with { Errors = [.. deck.Errors.Select(error => error with { File = source.RelativePathOf(error.File) })] } : deck;

    private static string RelativePath(Dictionary<string, DeckSource> sourceByPath, DeckFile deck) =>
        sourceByPath[deck.Path].RelativePathOf(Path.GetFileName(deck.Path));
}
