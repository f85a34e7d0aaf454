namespace AnkiMcp.Core.Sync;

/// <summary>The changes of one deck.</summary>
/// <param name="DeckName">The Anki deck name (<c>A::B</c>).</param>
/// <param name="Changes">The deck's note changes.</param>
public sealed record DeckPlan(string DeckName, IReadOnlyList<SyncChange> Changes)
{
    /// <summary>How many changes of this kind land on this side.</summary>
    public int Count(SyncChangeKind kind, SyncSide target) => Changes.Count(change => change.Kind == kind && change.Target == target);
}
