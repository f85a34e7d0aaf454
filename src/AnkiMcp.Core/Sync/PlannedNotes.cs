namespace AnkiMcp.Core.Sync;

/// <summary>The planner's decisions for every note, and what it noticed but left alone.</summary>
/// <param name="Decisions">One decision per note key.</param>
/// <param name="Warnings">Notes skipped and why.</param>
internal sealed record PlannedNotes(IReadOnlyList<NoteDecision> Decisions, IReadOnlyList<string> Warnings)
{
    /// <summary>Every change, in decision order.</summary>
    public IEnumerable<SyncChange> Changes => Decisions.SelectMany(decision => decision.Changes);
}
