using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Mcp;

/// <summary>What one running server works on: the collection folder, the approval policy and AnkiConnect's address override.</summary>
internal sealed record AnkiMcpServerSettings(string CollectionDirectory, ApprovalPolicy Policy, string? AnkiUrl);
