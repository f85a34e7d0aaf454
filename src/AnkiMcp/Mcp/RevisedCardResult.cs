using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>What revise_proposal reports.</summary>
internal sealed record RevisedCardResult(long BatchId, CardView Card, [property: Description("What to do next")] string Next);
