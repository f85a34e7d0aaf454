namespace AnkiMcp.Core.Proposals;

/// <summary>Who may approve proposed cards.</summary>
public enum ApprovalPolicy
{
    /// <summary>The assistant's approve call, carrying the person's words in the conversation, counts.</summary>
    Conversation,

    /// <summary>Only the person's answer to an MCP elicitation (or the terminal review) counts.</summary>
    Elicit,

    /// <summary>Only <c>ankimcp review</c> in a terminal can approve.</summary>
    Reviewer,
}
