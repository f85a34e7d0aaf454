namespace AnkiMcp.Core.Proposals;

/// <summary>A proposed card as it stands now: its latest revision and its state.</summary>
/// <param name="BatchId">The batch (one per lesson) the card belongs to.</param>
/// <param name="Number">The card's number within its batch, 1..n, as people refer to it.</param>
/// <param name="Revision">1 for the card as proposed, +1 for every revision.</param>
/// <param name="State">Where the card stands.</param>
/// <param name="Draft">The card's content in its latest revision.</param>
/// <param name="RejectionReason">Why the person rejected it, when they said.</param>
/// <param name="NoteKey">The Markdown note key, once created.</param>
/// <param name="ReachedAnki">Once created: whether the card reached Anki (false means the next sync pushes it).</param>
public sealed record Proposal(
    long BatchId,
    int Number,
    int Revision,
    ProposalState State,
    CardDraft Draft,
    string? RejectionReason,
    string? NoteKey,
    bool? ReachedAnki);
