namespace AnkiMcp.Core.Sync;

/// <summary>The outcome of a sync run.</summary>
/// <param name="Direction">Which command ran.</param>
/// <param name="DryRun">True when nothing was changed and <see cref="Plan"/> is what would happen.</param>
/// <param name="Plan">The changes made (or planned).</param>
/// <param name="SnapshotCommit">The git commit taken before the run changed files, if any.</param>
/// <param name="Warnings">Things the user should know that did not stop the run.</param>
public sealed record SyncReport(
    SyncDirection Direction,
    bool DryRun,
    SyncPlan Plan,
    string? SnapshotCommit,
    IReadOnlyList<string> Warnings);
