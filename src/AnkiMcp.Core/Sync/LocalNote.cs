using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Core.Sync;

/// <summary>A managed note as the Markdown folder has it now.</summary>
/// <param name="Key">The note key, or null for a note not synced yet.</param>
/// <param name="NoteTypeName">The note type.</param>
/// <param name="DeckName">The deck of the file it is in.</param>
/// <param name="Fields">Field values in Markdown, by field name.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="File">The deck file, relative to the collection.</param>
/// <param name="Line">The note's first line in that file.</param>
internal sealed record LocalNote(
    string? Key,
    string NoteTypeName,
    string DeckName,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Tags,
    string File,
    int Line)
{
    /// <summary>The content fingerprint of the Markdown side.</summary>
    public string Fingerprint { get; } = NoteFingerprint.Compute(NoteTypeName, Fields, Tags);
}
