namespace AnkiMcp.Core.Proposals;

/// <summary>How many cards are in each state, over all batches.</summary>
public sealed record ProposalCounts(int Pending, int Approved, int Created, int Rejected);
