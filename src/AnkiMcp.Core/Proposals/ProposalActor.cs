namespace AnkiMcp.Core.Proposals;

/// <summary>Who made a change to a proposal; recorded with every transition.</summary>
public enum ProposalActor
{
    /// <summary>A tool call made by the AI assistant.</summary>
    Assistant,

    /// <summary>The person's own answer to an MCP elicitation form.</summary>
    Elicitation,

    /// <summary>The person, in <c>ankimcp review</c>.</summary>
    TerminalReview,
}
