namespace AnkiMcp.Cli;

/// <summary>What one <c>ankimcp review</c> session did, for its closing line.</summary>
internal sealed class ReviewTally
{
    public int Approved { get; set; }

    public int Rejected { get; set; }

    public int Edited { get; set; }

    public int Skipped { get; set; }

    public string Summary() =>
        $"Approved {Approved}, rejected {Rejected}, edited {Edited}, skipped {Skipped}." +
        (Approved > 0 ? " Create the approved cards with `ankimcp create`, or ask your assistant to (create_approved_cards)." : "");
}
