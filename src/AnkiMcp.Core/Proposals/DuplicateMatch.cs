namespace AnkiMcp.Core.Proposals;

/// <summary>A card (by its index in the list searched) whose first field says the same as, or nearly the same as, an earlier card.</summary>
/// <param name="Index">The card's index in the list searched.</param>
/// <param name="Original">The earlier card it repeats.</param>
/// <param name="Exact">True when the texts are the same after normalising; false when they share nearly all their words.</param>
public sealed record DuplicateMatch(int Index, ExistingCard Original, bool Exact);
