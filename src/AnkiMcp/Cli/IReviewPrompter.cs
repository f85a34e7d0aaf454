using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Cli;

/// <summary>The terminal side of <c>ankimcp review</c>: shows cards and reads the person's decisions.</summary>
internal interface IReviewPrompter
{
    void Show(ProposalBatch batch, Proposal card);

    ReviewDecision AskDecision();

    /// <summary>The field's new text; the current text when the person keeps it.</summary>
    string AskField(string field, string current);

    string? AskReason();

    void Say(string message);
}
