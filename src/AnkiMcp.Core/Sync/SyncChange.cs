namespace AnkiMcp.Core.Sync;

/// <summary>One planned (or applied) change to one note.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Target">The side that changes.</param>
/// <param name="DeckName">The note's deck after the change (for a delete: the deck it leaves).</param>
/// <param name="NoteKey">The note key; null for a note that gets its key from this run, in a dry run (the real run makes it).</param>
/// <param name="NoteTypeName">The note type.</param>
/// <param name="Detail">A short human explanation (e.g. the deck a note moves from, how a conflict was kept).</param>
public sealed record SyncChange(
    SyncChangeKind Kind,
    SyncSide Target,
    string DeckName,
    string? NoteKey,
    string NoteTypeName,
    string? Detail = null)
{
    /// <summary>The note's first field on one line, shortened, so a person recognises the note.</summary>
    public string Summary { get; init; } = "";

    /// <summary>For updates and conflicts: the fields (and "tags") whose content differs between the two sides.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
