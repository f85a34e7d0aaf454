namespace AnkiMcp.Core.Proposals;

/// <summary>The cards proposed together, usually at the end of one lesson.</summary>
public sealed record ProposalBatch(long Id, string Label, DateTimeOffset Created, IReadOnlyList<Proposal> Cards);
