namespace AnkiMcp.Core.Proposals;

/// <summary>A batch without its cards: who proposed it and how many of its cards are in each state.</summary>
public sealed record BatchSummary(long Id, string Label, DateTimeOffset Created, ProposalOwner? Owner, ProposalCounts Counts)
{
    /// <summary>Whether the batch has cards the change applies to: pending ones to approve, pending or approved ones to reject, any not created to revise.</summary>
    public bool IsOpenFor(ProposalChange change) => change switch
    {
        ProposalChange.Approve => Counts.Pending > 0,
        ProposalChange.Reject => Counts.Pending + Counts.Approved > 0,
        _ => Counts.Pending + Counts.Approved + Counts.Rejected > 0,
    };

    /// <summary>Whether it has cards still waiting: pending, or approved and not created yet.</summary>
    public bool IsOpen => Counts.Pending + Counts.Approved > 0;

    /// <summary>"batch 3 'Rust ownership' (2 pending, 1 approved)", joined with "; ".</summary>
    public static string Describe(IEnumerable<BatchSummary> batches) => string.Join("; ", batches.Select(batch => batch.ToString()));

    public override string ToString()
    {
        string[] states =
        [
            .. new (int Count, string State)[] { (Counts.Pending, "pending"), (Counts.Approved, "approved"), (Counts.Rejected, "rejected"), (Counts.Created, "created") }
                .Where(item => item.Count > 0)
                .Select(item => $"{item.Count} {item.State}"),
        ];
        return $"batch {Id} '{Label}' ({string.Join(", ", states)})";
    }
}
