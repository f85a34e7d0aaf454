namespace AnkiMcp.Core.Proposals;

/// <summary>Decides whether an actor may approve cards under a policy.</summary>
public static class ApprovalGate
{
    /// <summary>Whether <paramref name="actor"/> may approve under <paramref name="policy"/>.</summary>
    public static bool MayApprove(ApprovalPolicy policy, ProposalActor actor) => (policy, actor) switch
    {
        (_, ProposalActor.TerminalReview) => true,
        (ApprovalPolicy.Conversation, _) => true,
        (ApprovalPolicy.Elicit, ProposalActor.Elicitation) => true,
        _ => false,
    };

    /// <summary>Refuses (<see cref="ProposalRefusal.NotAllowedToApprove"/>) when the actor may not approve.</summary>
    public static void EnsureMayApprove(ApprovalPolicy policy, ProposalActor actor)
    {
        if (!MayApprove(policy, actor))
            throw new ProposalRefusedException(new ProposalRefusal.NotAllowedToApprove(policy, actor));
    }
}
