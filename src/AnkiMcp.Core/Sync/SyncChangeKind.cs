namespace AnkiMcp.Core.Sync;

/// <summary>What a sync does to one note.</summary>
public enum SyncChangeKind
{
    /// <summary>The note is added to the target side.</summary>
    Create,

    /// <summary>The note's fields or tags are rewritten on the target side.</summary>
    Update,

    /// <summary>The note moves to another deck (Anki: <c>changeDeck</c>, same note id; Markdown: another deck file).</summary>
    Move,

    /// <summary>The note is removed from the target side.</summary>
    Delete,

    /// <summary>Both sides changed the note; see <see cref="SyncChange.Detail"/> for how it was kept.</summary>
    Conflict,
}
