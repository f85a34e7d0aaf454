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

    /// <summary>Throws a <see cref="ProposalException"/> that tells the person how to approve when the actor may not.</summary>
    public static void EnsureMayApprove(ApprovalPolicy policy, ProposalActor actor)
    {
        if (MayApprove(policy, actor))
            return;
        throw new ProposalException(policy switch
        {
            ApprovalPolicy.Reviewer =>
                "The approval policy is 'reviewer': only the person can approve, in a terminal with `ankimcp review`. Ask them to run it, then call create_approved_cards.",
            _ =>
                "The approval policy is 'elicit': only the person's answer to the server's confirmation form counts, and this approval did not come from one.",
        });
    }
}
