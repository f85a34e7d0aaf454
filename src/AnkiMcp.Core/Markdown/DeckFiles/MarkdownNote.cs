namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>A note as written in a deck file. <see cref="Fields"/> holds every labelled field of the note type by field
/// NAME with its Markdown value ("" when not written); <see cref="Tags"/> are trimmed, distinct and sorted;
/// <see cref="Key"/> is null for a note that has not been given a key yet; <see cref="Line"/> is the 1-based line
/// where the note starts (0 for a note that is not in a file yet).</summary>
public sealed record MarkdownNote(
    string? Key,
    string NoteTypeName,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Tags,
    int Line)
{
    /// <summary>A stable hash of what the note means to Anki (type, fields, tags), independent of key, line and field order.</summary>
    public string Fingerprint => NoteFingerprint.Compute(NoteTypeName, Fields, Tags);
}
