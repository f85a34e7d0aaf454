namespace AnkiMcp.Core.Proposals;

/// <summary>Where a proposed card stands: pending → approved → created, or rejected.</summary>
public enum ProposalState
{
    /// <summary>Waiting for the person's decision.</summary>
    Pending,

    /// <summary>The person approved it; it will be created by the next create call.</summary>
    Approved,

    /// <summary>Written to the Markdown deck file (and to Anki when it was reachable).</summary>
    Created,

    /// <summary>The person rejected it.</summary>
    Rejected,
}
