namespace AnkiMcp.Core.Sync;

/// <summary>What a sync reads from Anki first: the profile, the note types and the ids of the managed notes.</summary>
/// <param name="Profile">Anki's active profile.</param>
/// <param name="ModelNames">Every note type in Anki.</param>
/// <param name="ManagedNoteIds">The ids of the notes whose type is in <c>note_types/</c>.</param>
/// <param name="ManagedCardIds">The ids of those notes' cards.</param>
/// <param name="SelectedInBrowser">The notes selected in Anki's Browser: Anki ignores changes to the one its editor shows.</param>
internal sealed record AnkiSnapshot(
    string Profile,
    IReadOnlySet<string> ModelNames,
    IReadOnlyList<long> ManagedNoteIds,
    IReadOnlyList<long> ManagedCardIds,
    IReadOnlySet<long> SelectedInBrowser);
