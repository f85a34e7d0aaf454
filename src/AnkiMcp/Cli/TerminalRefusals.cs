using AnkiMcp.Core.Proposals;

namespace AnkiMcp.Cli;

/// <summary>The workflow's refusals worded for the person at the terminal: the fact, then what they can do here.</summary>
internal static class TerminalRefusals
{
    public static string Word(ProposalRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return $"{refusal.Fact} {NextStep(refusal)}".TrimEnd();
    }

    private static string NextStep(ProposalRefusal refusal) => refusal switch
    {
        ProposalRefusal.InvalidCards => "Nothing was saved; edit the card again.",
        ProposalRefusal.NoSuchBatch => "`ankimcp review` without --batch shows every batch with cards waiting.",
        ProposalRefusal.CardClosed { Card.State: ProposalState.Created } closed =>
            $"Edit or delete it in its Markdown deck file (note key {closed.Card.NoteKey}), then run `ankimcp sync`.",
        ProposalRefusal.CardClosed => "To want it after all, ask your assistant to revise it; it comes back for review.",
        ProposalRefusal.BeingCreated => "Run `ankimcp create` to finish creating it.",
        ProposalRefusal.ChangedSinceShown => "Here is the current version.",
        ProposalRefusal.NothingApproved { Pending: > 0 } => "Run `ankimcp review` to decide on them.",
        ProposalRefusal.CreationBusy => "Try again in a moment.",
        _ => "",
    };
}
