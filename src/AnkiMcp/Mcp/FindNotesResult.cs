using System.ComponentModel;

namespace AnkiMcp.Mcp;

/// <summary>What find_notes reports.</summary>
internal sealed record FindNotesResult(
    [property: Description("How many notes match in all")] int Total,
    [property: Description("The first matches, up to the limit")] IReadOnlyList<FoundNote> Notes);
