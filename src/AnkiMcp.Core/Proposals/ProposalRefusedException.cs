namespace AnkiMcp.Core.Proposals;

/// <summary>A proposal operation refused for a reason the caller can act on; <see cref="Refusal"/> says which.</summary>
public sealed class ProposalRefusedException(ProposalRefusal refusal) : Exception(refusal?.Fact)
{
    /// <summary>Why, as data.</summary>
    public ProposalRefusal Refusal { get; } = refusal ?? throw new ArgumentNullException(nameof(refusal));
}
