namespace AnkiMcp.Core.Proposals;

/// <summary>The cards proposed together, usually at the end of one lesson.</summary>
/// <param name="Id">The batch id, as people name the batch.</param>
/// <param name="Label">The lesson or source the cards come from.</param>
/// <param name="Created">When it was proposed.</param>
/// <param name="Cards">Its cards, numbered 1..n.</param>
/// <param name="Owner">The session that proposed it; null for batches proposed before sessions were recorded.</param>
public sealed record ProposalBatch(long Id, string Label, DateTimeOffset Created, IReadOnlyList<Proposal> Cards, ProposalOwner? Owner = null);
