using AnkiMcp.Core.Proposals;
using ModelContextProtocol;

namespace AnkiMcp.Mcp;

/// <summary>The workflow's refusals worded for the assistant: the fact, then what to do next with this server's tools.</summary>
internal static class AssistantRefusals
{
    /// <summary>The tool error the assistant reads.</summary>
    public static McpException ToToolError(ProposalRefusedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new McpException($"{refused.Refusal.Fact} {NextStep(refused.Refusal)}".TrimEnd(), refused);
    }

    /// <summary>Runs a workflow check, turning its refusal into the tool error the assistant reads.</summary>
    public static void Run(Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        Run(() =>
        {
            check();
            return true;
        });
    }

    /// <summary>Runs a workflow rule, turning its refusal into the tool error the assistant reads.</summary>
    public static T Run<T>(Func<T> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        try
        {
            return rule();
        }
        catch (ProposalRefusedException refused)
        {
            throw ToToolError(refused);
        }
    }

    /// <summary>Runs a workflow call, turning its refusal into the tool error the assistant reads.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (ProposalRefusedException refused)
        {
            throw ToToolError(refused);
        }
    }

    private static string NextStep(ProposalRefusal refusal) => refusal switch
    {
        ProposalRefusal.NoCards => "Give at least one card in 'cards'.",
        ProposalRefusal.InvalidCards => "Nothing was stored; fix these and propose the cards again.",
        ProposalRefusal.NoSuchBatch => "list_proposals shows the batches and their cards.",
        ProposalRefusal.NoSuchCards => "Use the numbers shown with the cards.",
        ProposalRefusal.NoNumbers => "Give the numbers of the cards the person named, or all=true for every pending card of the batch.",
        ProposalRefusal.CardClosed { Card.State: ProposalState.Created } closed =>
            $"Edit or delete it in its Markdown deck file (note key {closed.Card.NoteKey}), then sync.",
        ProposalRefusal.CardClosed =>
            "If the person wants it after all, revise it (revise_proposal), show them the new version, and approve it only when they say so.",
        ProposalRefusal.BeingCreated => "Call create_approved_cards to finish creating it, then edit it in its Markdown deck file if needed.",
        ProposalRefusal.ChangedSinceShown => "Show the person the current version and ask again.",
        ProposalRefusal.NotAllowedToApprove { Policy: ApprovalPolicy.Reviewer } =>
            "Ask the person to approve in a terminal with `ankimcp review`; then call create_approved_cards, or they run `ankimcp create`.",
        ProposalRefusal.NotAllowedToApprove => "Call approve_proposals without an answer: the server then asks the person in a form.",
        ProposalRefusal.NothingToApprove => "list_proposals shows its cards and their states.",
        ProposalRefusal.NothingApproved { Pending: 0 } => "Propose cards first (propose_cards) and let the person decide.",
        ProposalRefusal.NothingApproved => "Show them to the person, then record their approval (approve_proposals or `ankimcp review`).",
        ProposalRefusal.CreationBusy => "Try again in a moment.",
        ProposalRefusal.BatchNeeded => "Ask the person which batch they mean, then call again with its batch_id.",
        ProposalRefusal.NothingProposedHere { OthersOpen.Count: > 0 } =>
            "Call again with the batch_id of one of them only when the person named that batch; otherwise propose cards (propose_cards).",
        ProposalRefusal.NothingProposedHere => "Call propose_cards first.",
        _ => "",
    };
}
