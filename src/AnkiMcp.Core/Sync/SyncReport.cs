namespace AnkiMcp.Core.Sync;

/// <summary>The outcome of a sync run.</summary>
/// <param name="Direction">Which command ran.</param>
/// <param name="DryRun">True when nothing was changed and <see cref="Plan"/> is what would happen.</param>
/// <param name="Plan">The changes made (or planned). A change Anki did not keep is not in it but in <see cref="NotSynced"/>.</param>
/// <param name="SnapshotCommit">The git commit taken before the run changed files, if any.</param>
/// <param name="Warnings">Things the user should know that did not stop the run.</param>
public sealed record SyncReport(
    SyncDirection Direction,
    bool DryRun,
    SyncPlan Plan,
    string? SnapshotCommit,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Notes whose change did not reach the other side (or would not, in a dry run), each with what to do.</summary>
    public IReadOnlyList<UnsyncedNote> NotSynced { get; init; } = [];

    /// <summary>Notes in Anki of types not in <c>note_types/</c>, which no sync touches: count by note type.</summary>
    public IReadOnlyDictionary<string, int> UnmanagedNotes { get; init; } = new Dictionary<string, int>();

    /// <summary>The notes changed on both sides and left for the person to settle.</summary>
    public IReadOnlyList<SyncChange> Conflicts => [.. Plan.Conflicts];

    /// <summary>Whether both sides now agree, and if not, why.</summary>
    public SyncOutcome Outcome =>
        DryRun ? SyncOutcome.DryRun
        : Plan.Conflicts.Any() ? SyncOutcome.ConflictsOpen
        : NotSynced.Count > 0 ? SyncOutcome.NotSynced
        : SyncOutcome.InStep;
}
