namespace AnkiMcp.Core.Proposals;

/// <summary>Which approved cards a creation takes: one batch's, one session's, or all.</summary>
/// <param name="BatchId">Only this batch, whoever proposed it.</param>
/// <param name="OwnerId">Only the batches this session proposed (when no batch is named).</param>
public sealed record CreationScope(long? BatchId, string? OwnerId)
{
    /// <summary>Every approved card: what the person creates from the terminal.</summary>
    public static CreationScope All { get; } = new(null, null);

    /// <summary>The approved cards of one batch.</summary>
    public static CreationScope Batch(long batchId) => new(batchId, null);

    /// <summary>The approved cards of the batches one session proposed.</summary>
    public static CreationScope ProposedBy(string ownerId) => new(null, ownerId);
}
