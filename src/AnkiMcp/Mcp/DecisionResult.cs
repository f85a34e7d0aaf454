using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>What approve_proposals and reject_proposals report.</summary>
internal sealed record DecisionResult(
    long BatchId,
    [property: Description("The cards whose state this call changed")] IReadOnlyList<int> Numbers,
    [property: Description("What happened and what to do next")] string Message);
