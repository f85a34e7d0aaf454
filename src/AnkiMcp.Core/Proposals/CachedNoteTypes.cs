using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// The collection's note types, loaded again only when a file under <c>note_types/</c> changed, so a tool call does not
/// parse the YAML every time.
/// </summary>
public sealed class CachedNoteTypes(string collectionDirectory)
{
    private readonly Lock _gate = new();
    private (string Signature, NoteTypeRegistry Registry)? _cached;

    /// <summary>The current note types.</summary>
    /// <exception cref="CollectionFormatException">The note types are missing or invalid.</exception>
    public NoteTypeRegistry Get()
    {
        string signature = Signature();
        lock (_gate)
        {
            if (_cached is { } cached && cached.Signature == signature)
                return cached.Registry;
        }

        NoteTypeRegistry registry = NoteTypeRegistry.Load(collectionDirectory);
        lock (_gate)
            _cached = (signature, registry);
        return registry;
    }

    private string Signature()
    {
        string root = Path.Combine(collectionDirectory, "note_types");
        if (!Directory.Exists(root))
            return string.Empty;
        return string.Join('|', new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories)
            .OrderBy(file => file.FullName, StringComparer.Ordinal)
            .Select(file => $"{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}"));
    }
}
