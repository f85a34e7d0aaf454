namespace AnkiMcp.Core.Proposals;

/// <summary>One recorded change of a card: its state before (null when proposed) and after, who did it, when, and a note (reason, revision, note key).</summary>
public sealed record ProposalTransition(long BatchId, int Number, ProposalState? From, ProposalState To, ProposalActor Actor, DateTimeOffset At, string? Detail);
