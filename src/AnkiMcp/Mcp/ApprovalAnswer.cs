namespace AnkiMcp.Mcp;

/// <summary>The person's answer to the approval form: the cards (number → revision) they were shown and whether they approved them.</summary>
internal sealed record ApprovalAnswer(long Batch, IReadOnlyDictionary<int, int> ShownRevisions, bool Approved, string Action);
