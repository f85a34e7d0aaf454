using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>What list_proposals reports.</summary>
internal sealed record ProposalListResult(
    [property: Description("conversation, elicit or reviewer: who may approve")] string ApprovalPolicy,
    IReadOnlyList<BatchView> Batches);
