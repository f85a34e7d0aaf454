using System.Diagnostics.CodeAnalysis;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Markdown;

/// <summary>A collection folder as read from disk: its note types, its deck files (the top-level <c>*.md</c> files,
/// except README, CHANGELOG, LICENSE and the like) and every problem found, including note keys used twice across
/// files.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "An Anki collection, not a .NET collection type.")]
public sealed class MarkdownCollection
{
    private static readonly HashSet<string> s_ignoredStems = new(StringComparer.OrdinalIgnoreCase)
    {
        "README", "CHANGELOG", "CODE_OF_CONDUCT", "CONTRIBUTING", "FUNDING", "LICENSE", "SECURITY", "SUPPORT",
    };

    private MarkdownCollection(string directory, NoteTypeRegistry noteTypes, IReadOnlyList<DeckFile> decks, IReadOnlyList<CollectionError> errors)
    {
        Directory = directory;
        NoteTypes = noteTypes;
        Decks = decks;
        Errors = errors;
    }

    /// <summary>The full path of the collection folder.</summary>
    public string Directory { get; }

    public NoteTypeRegistry NoteTypes { get; }

    /// <summary>The deck files, ordered by file name.</summary>
    public IReadOnlyList<DeckFile> Decks { get; }

    /// <summary>All problems: those of each deck file plus keys used in more than one file.</summary>
    public IReadOnlyList<CollectionError> Errors { get; }

    /// <summary>Loads the collection in <paramref name="dir"/>.</summary>
    /// <exception cref="CollectionFormatException">The note types are missing or invalid.</exception>
    public static MarkdownCollection Load(string dir)
    {
        string full = Path.GetFullPath(dir);
        NoteTypeRegistry types = NoteTypeRegistry.Load(full);
        List<DeckFile> decks = [.. DeckFilePaths(full).AsParallel().AsOrdered().Select(p => DeckFileParser.Load(p, types))];
        List<CollectionError> errors = [.. decks.SelectMany(d => d.Errors)];
        Dictionary<string, (DeckFile Deck, MarkdownNote Note)> seen = new(StringComparer.Ordinal);
        foreach (DeckFile deck in decks)
        {
            foreach (MarkdownNote note in deck.Notes.Where(n => n.Key is not null))
            {
                if (!seen.TryAdd(note.Key!, (deck, note)))
                {
                    (DeckFile firstDeck, MarkdownNote firstNote) = seen[note.Key!];
                    if (firstDeck != deck)
                        errors.Add(new CollectionError(Path.GetFileName(deck.Path), note.Line, $"duplicate note_key {note.Key}: also used in {Path.GetFileName(firstDeck.Path)}:{firstNote.Line}; keep one and delete the other key line to get a new key"));
                }
            }
        }
        return new MarkdownCollection(full, types, decks, errors);
    }

    /// <summary>This collection with the given deck files parsed from these texts instead of their files (edits planned
    /// but not written yet; once written as given, the decks' content hashes match the files).</summary>
    public MarkdownCollection WithDeckTexts(IReadOnlyDictionary<string, string> textsByPath)
    {
        ArgumentNullException.ThrowIfNull(textsByPath);
        List<DeckFile> decks = [.. Decks.Select(deck => textsByPath.TryGetValue(deck.Path, out string? text) ? DeckFileParser.Parse(deck.Path, text, NoteTypes) : deck)];
        HashSet<string> replaced = [.. textsByPath.Keys.Select(Path.GetFileName).OfType<string>()];
        List<CollectionError> errors = [.. Errors.Where(error => !replaced.Contains(error.File)), .. decks.Where(deck => textsByPath.ContainsKey(deck.Path)).SelectMany(deck => deck.Errors)];
        return new MarkdownCollection(Directory, NoteTypes, decks, errors);
    }

    /// <summary>The deck with Anki name <paramref name="deckName"/>, or null.</summary>
    public DeckFile? FindDeck(string deckName) => Decks.FirstOrDefault(d => d.DeckName == deckName);

    /// <summary>The deck file paths of a collection folder.</summary>
    public static IEnumerable<string> DeckFilePaths(string dir) =>
        System.IO.Directory.EnumerateFiles(dir, "*", SearchOption.TopDirectoryOnly)
            .Where(p => p.EndsWith(DeckFileNames.Extension, StringComparison.OrdinalIgnoreCase))
            .Where(p => !s_ignoredStems.Contains(Path.GetFileNameWithoutExtension(p)) && !Path.GetFileName(p).StartsWith('.'))
            .Order(StringComparer.Ordinal);
}
