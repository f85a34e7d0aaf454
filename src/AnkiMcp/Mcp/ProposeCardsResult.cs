using System.ComponentModel;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Mcp;

/// <summary>What propose_cards reports.</summary>
internal sealed record ProposeCardsResult(
    BatchView Proposal,
    [property: Description("Cards that look like existing notes or pending proposals; drop them or point them out")] IReadOnlyList<PossibleDuplicate> PossibleDuplicates,
    [property: Description("What to do next")] string Next);
