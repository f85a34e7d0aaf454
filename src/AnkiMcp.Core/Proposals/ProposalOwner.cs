namespace AnkiMcp.Core.Proposals;

/// <summary>Who proposed a batch: one MCP session (a stdio server process, an HTTP session). Its batches are its own to decide on by default.</summary>
/// <param name="Id">The session's id, unique per session.</param>
/// <param name="Name">The client's name as it introduced itself (e.g. "claude-code"), to tell sessions apart when listing.</param>
public sealed record ProposalOwner(string Id, string? Name);
