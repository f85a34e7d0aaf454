using System.Reflection;
using AnkiMcp.Core.IO;

namespace AnkiMcp.Core.Markdown.NoteTypes;

/// <summary>The note types a new collection starts with: AnkiMcpQA (Q: A: E: M:), AnkiMcpCloze (T: E: M:),
/// AnkiMcpChoice (Q: C1:…C8: A: E: M:), AnkiMcpWhy (Q: CHAIN: E: M:) and AnkiMcpError (BROKEN: FIX: WHY: E: M:), with
/// shared card CSS (night mode, "More" button, syntax highlighting) in AnkiOps' folder format.</summary>
public static class DefaultNoteTypes
{
    private const string ResourcePrefix = "AnkiMcp.Defaults/";

    /// <summary>The names of the default note types.</summary>
    public static IReadOnlyList<string> Names { get; } = ["AnkiMcpChoice", "AnkiMcpCloze", "AnkiMcpError", "AnkiMcpQA", "AnkiMcpWhy"];

    /// <summary>Writes the default note types into <c>note_types/</c> of the collection folder <paramref name="collectionDir"/>.
    /// A note type whose folder already exists is left as it is (after <c>init</c> the folder is the only truth), and
    /// so is an existing shared CSS file. A default type that would clash with the folder's own types (the same
    /// identifying labels, or a label meaning another field, as AnkiOps' QA, cloze and choice types do) is not added.</summary>
    /// <exception cref="CollectionFormatException">The folder's note types are invalid; nothing is written then.</exception>
    public static DefaultNoteTypesWritten WriteTo(string collectionDir)
    {
        ArgumentNullException.ThrowIfNull(collectionDir);
        string root = Path.Combine(collectionDir, NoteTypeLoader.FolderName);
        HashSet<string> existing = [.. Names.Where(n => Directory.Exists(Path.Combine(root, n)))];
        List<NoteTypeDefinition> present = HasNoteTypes(root) ? [.. NoteTypeRegistry.Load(collectionDir).Types] : [];
        List<string> written = [];
        List<SkippedNoteType> skipped = [];
        foreach (NoteTypeDefinition type in LoadDefaults().Types.Where(t => !existing.Contains(t.Name)))
        {
            if (Clash(type, present) is { } reason)
            {
                skipped.Add(new SkippedNoteType(type.Name, reason));
                continue;
            }
            present.Add(type);
            written.Add(type.Name);
        }

        foreach ((string[] parts, byte[] content) in Resources())
        {
            string target = Path.Combine([root, .. parts]);
            if (parts.Length > 1 ? !written.Contains(parts[0]) : File.Exists(target))
                continue;
            AtomicFile.WriteAllBytes(target, content);
        }
        return new DefaultNoteTypesWritten(written, skipped);
    }

    // Why a default type cannot join the folder's types, or null when it can.
    private static string? Clash(NoteTypeDefinition type, List<NoteTypeDefinition> present)
    {
        string Identifying(NoteTypeDefinition t) => string.Join(" ", t.LabelledFields.Where(f => f.Identifying).Select(f => f.Label).Order(StringComparer.Ordinal));
        if (present.FirstOrDefault(other => Identifying(other) == Identifying(type)) is { } twin)
            return $"{twin.Name} already has its identifying labels ({Identifying(type)}), so notes could not tell the two apart";
        try
        {
            NoteTypeRegistry.Create([.. present, type]);
            return null;
        }
        catch (CollectionFormatException clash)
        {
            return string.Join("; ", clash.Errors.Select(error => error.Message));
        }
    }

    private static bool HasNoteTypes(string root) =>
        Directory.Exists(root) && Directory.EnumerateDirectories(root).Any(folder => File.Exists(Path.Combine(folder, NoteTypeLoader.FileName)));

    // The defaults as the loader reads them, from a scratch copy of the embedded files.
    private static NoteTypeRegistry LoadDefaults()
    {
        string scratch = Path.Combine(Path.GetTempPath(), "ankimcp-defaults-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach ((string[] parts, byte[] content) in Resources())
            {
                string target = Path.Combine([scratch, NoteTypeLoader.FolderName, .. parts]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, content);
            }
            return NoteTypeRegistry.Load(scratch);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static IEnumerable<(string[] Parts, byte[] Content)> Resources()
    {
        Assembly assembly = typeof(DefaultNoteTypes).Assembly;
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using MemoryStream buffer = new();
            stream.CopyTo(buffer);
            yield return (resource[ResourcePrefix.Length..].Split('/', '\\'), buffer.ToArray());
        }
    }
}
