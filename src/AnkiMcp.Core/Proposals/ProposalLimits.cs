namespace AnkiMcp.Core.Proposals;

/// <summary>
/// How much one proposal may hold. Cards are for memorising: a field longer than this is a document, not a card, and
/// the limits keep every result an assistant reads (which echoes what it proposed) to a size clients handle.
/// </summary>
public static class ProposalLimits
{
    /// <summary>Cards in one batch.</summary>
    public const int CardsPerBatch = 100;

    /// <summary>Characters in one field.</summary>
    public const int FieldLength = 20_000;

    /// <summary>Characters in all fields of all cards of one batch.</summary>
    public const int BatchLength = 200_000;

    /// <summary>Tags on one card.</summary>
    public const int TagsPerCard = 30;

    /// <summary>Characters in one tag.</summary>
    public const int TagLength = 100;

    /// <summary>Characters in a batch's lesson label.</summary>
    public const int LabelLength = 200;
}
