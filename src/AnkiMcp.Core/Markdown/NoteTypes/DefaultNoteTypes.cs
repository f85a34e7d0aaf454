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
    /// so is an existing shared CSS file. Returns the names of the note types written.</summary>
    public static IReadOnlyList<string> WriteTo(string collectionDir)
    {
        ArgumentNullException.ThrowIfNull(collectionDir);
        string root = Path.Combine(collectionDir, NoteTypeLoader.FolderName);
        HashSet<string> existing = [.. Names.Where(n => Directory.Exists(Path.Combine(root, n)))];
        Assembly assembly = typeof(DefaultNoteTypes).Assembly;
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            string[] parts = resource[ResourcePrefix.Length..].Split('/', '\\');
            if (parts.Length > 1 && existing.Contains(parts[0]))
                continue;
            string target = Path.Combine([root, .. parts]);
            if (parts.Length == 1 && File.Exists(target))
                continue;
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using MemoryStream buffer = new();
            stream.CopyTo(buffer);
            AtomicFile.WriteAllBytes(target, buffer.ToArray());
        }
        return [.. Names.Where(n => !existing.Contains(n))];
    }
}
