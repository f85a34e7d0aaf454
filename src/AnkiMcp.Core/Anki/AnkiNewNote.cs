namespace AnkiMcp.Core.Anki;

/// <summary>A note to add with <c>addNote</c>/<c>addNotes</c>.</summary>
/// <param name="DeckName">The target deck; it must exist (see <c>CreateDeckAsync</c>).</param>
/// <param name="ModelName">The note type.</param>
/// <param name="Fields">Field values by name; Anki matches names case-insensitively on add and drops unknown ones.</param>
/// <param name="Tags">The note's tags.</param>
public sealed record AnkiNewNote(
    string DeckName,
    string ModelName,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Tags)
{
    /// <summary>Add the note even when another note of the same type has the same first field.</summary>
    public bool AllowDuplicate { get; init; }
}
