namespace AnkiMcp.Core.Proposals;

/// <summary>A proposed card (by its number in the batch) whose first field matches an existing card.</summary>
/// <param name="Number">The proposed card's number in its batch.</param>
/// <param name="Where">Where the card it repeats is.</param>
/// <param name="Exact">True when the texts are the same after normalising; false when they share nearly all their words.</param>
public sealed record PossibleDuplicate(int Number, string Where, bool Exact);
