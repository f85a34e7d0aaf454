namespace AnkiMcp.Core.Proposals;

/// <summary>A proposed card (by its number in the batch) whose first field matches an existing card.</summary>
public sealed record PossibleDuplicate(int Number, string Where);
