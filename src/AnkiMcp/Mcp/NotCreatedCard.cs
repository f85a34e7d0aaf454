using System.ComponentModel;
using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Mcp;

/// <summary>An approved card that create_approved_cards could not write, and why; it stays approved.</summary>
internal sealed record NotCreatedCard(
    long BatchId,
    [property: Description("The card's number in its batch")] int Number,
    [property: Description("What stopped it; once fixed, create_approved_cards creates it")] string Reason)
{
    public static NotCreatedCard From(CardCreationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new NotCreatedCard(failure.Card.BatchId, failure.Card.Number, failure.Reason);
    }
}
