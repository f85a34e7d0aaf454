namespace AnkiMcp.Core.Proposals;

/// <summary>One version of a card's content, kept for its history.</summary>
public sealed record ProposalRevision(long BatchId, int Number, int Revision, CardDraft Draft, ProposalActor Actor, DateTimeOffset At);
