namespace AnkiMcp.Cli;

/// <summary>What the person decided for one card in <c>ankimcp review</c>.</summary>
internal enum ReviewDecision
{
    Approve,
    Edit,
    Reject,
    Skip,
    Quit,
}
