using System.Collections.Concurrent;

namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>
/// The note types of a collection and of its collab sources, each loaded again only when a file under its
/// <c>note_types/</c> changed, so a tool call does not parse the YAML every time. A source's registry stays the same
/// object while its files do, which is what <see cref="DeckFiles.DeckFileCache"/> keys parsed decks by.
/// </summary>
public sealed class CachedNoteTypes(string collectionDirectory)
{
    private readonly ConcurrentDictionary<(string Directory, string Prefix), (string Signature, NoteTypeRegistry Registry)> _sources = new();

    /// <summary>The collection's own note types.</summary>
    /// <exception cref="CollectionFormatException">The note types are missing or invalid.</exception>
    public NoteTypeRegistry Get() => Get(collectionDirectory, "");

    /// <summary>The note types of the source folder <paramref name="sourceDirectory"/>, as <see cref="NoteTypeRegistry.Load"/> reads them.</summary>
    /// <exception cref="CollectionFormatException">The note types are missing or invalid.</exception>
    public NoteTypeRegistry Get(string sourceDirectory, string namePrefix)
    {
        ArgumentNullException.ThrowIfNull(sourceDirectory);
        ArgumentNullException.ThrowIfNull(namePrefix);
        string directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceDirectory));
        string signature = Signature(directory);
        if (_sources.TryGetValue((directory, namePrefix), out var cached) && cached.Signature == signature)
            return cached.Registry;

        NoteTypeRegistry registry = NoteTypeRegistry.Load(directory, namePrefix);
        _sources[(directory, namePrefix)] = (signature, registry);
        return registry;
    }

    private static string Signature(string sourceDirectory)
    {
        string root = Path.Combine(sourceDirectory, "note_types");
        if (!Directory.Exists(root))
            return string.Empty;
        return string.Join('|', new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories)
            .OrderBy(file => file.FullName, StringComparer.Ordinal)
            .Select(file => $"{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}"));
    }
}
