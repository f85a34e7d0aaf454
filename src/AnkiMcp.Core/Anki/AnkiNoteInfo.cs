namespace AnkiMcp.Core.Anki;

/// <summary>A note as <c>notesInfo</c> reports it.</summary>
/// <param name="NoteId">The note id (creation time in ms).</param>
/// <param name="ModelName">The note type's name.</param>
/// <param name="Tags">The note's tags.</param>
/// <param name="Fields">The fields in field order.</param>
/// <param name="Mod">Last modification in Unix seconds; null on AnkiConnect builds before 2024, which do not report it.</param>
/// <param name="Cards">The note's card ids, by template order.</param>
public sealed record AnkiNoteInfo(
    long NoteId,
    string ModelName,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AnkiFieldValue> Fields,
    long? Mod,
    IReadOnlyList<long> Cards)
{
    /// <summary>The value of the field named <paramref name="name"/> (case-sensitive), or null when the note has no such field.</summary>
    public string? GetField(string name)
    {
        foreach (AnkiFieldValue field in Fields)
        {
            if (field.Name == name)
                return field.Value;
        }
        return null;
    }
}
