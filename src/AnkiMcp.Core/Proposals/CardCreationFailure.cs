namespace AnkiMcp.Core.Proposals;

/// <summary>An approved card that could not be written to its deck file; it stays approved and the others were created.</summary>
/// <param name="Card">The card, as approved.</param>
/// <param name="Reason">What stopped it, e.g. the deck file's errors.</param>
public sealed record CardCreationFailure(Proposal Card, string Reason);
