using System.ComponentModel;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Mcp;

/// <summary>What status reports.</summary>
internal sealed record StatusResult(
    [property: Description("The Markdown collection folder")] string Collection,
    [property: Description("conversation, elicit or reviewer: who may approve")] string ApprovalPolicy,
    [property: Description("Whether AnkiConnect answered")] bool AnkiReachable,
    [property: Description("AnkiConnect's address")] string AnkiUrl,
    [property: Description("The Anki profile that is open, when reachable")] string? AnkiProfile,
    [property: Description("AnkiConnect's API version, when reachable")] int? AnkiConnectVersion,
    [property: Description("Proposed cards by state")] ProposalCounts Proposals,
    [property: Description("What to tell the person, if anything")] string? Note);
