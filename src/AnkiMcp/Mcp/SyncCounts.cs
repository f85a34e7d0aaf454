using AnkiMcp.Core.Sync;

namespace AnkiMcp.Mcp;

/// <summary>How many notes a sync creates, updates, moves and deletes on one side.</summary>
internal sealed record SyncCounts(int Created, int Updated, int Moved, int Deleted)
{
    public static SyncCounts Of(SyncPlan plan, SyncSide side)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new SyncCounts(plan.Count(SyncChangeKind.Create, side), plan.Count(SyncChangeKind.Update, side),
            plan.Count(SyncChangeKind.Move, side), plan.Count(SyncChangeKind.Delete, side));
    }

    public override string ToString() => $"{Created} created, {Updated} updated, {Moved} moved, {Deleted} deleted";
}
