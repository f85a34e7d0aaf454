namespace AnkiMcp.Core.Proposals;

/// <summary>How the changes read in sentences.</summary>
public static class ProposalChangeWords
{
    /// <summary>"approve", "reject", "revise".</summary>
    public static string Verb(this ProposalChange change) => change.ToString().ToLowerInvariant();

    /// <summary>"approved", "rejected", "revised".</summary>
    public static string PastParticiple(this ProposalChange change) => change switch
    {
        ProposalChange.Approve => "approved",
        ProposalChange.Reject => "rejected",
        _ => "revised",
    };
}
