namespace AnkiMcp.Core.Proposals;

/// <summary>A change someone asks of proposed cards.</summary>
public enum ProposalChange
{
    /// <summary>Approve pending cards.</summary>
    Approve,

    /// <summary>Reject pending or approved cards.</summary>
    Reject,

    /// <summary>Replace a card's content with a new revision.</summary>
    Revise,
}
