namespace AnkiMcp.Core.Proposals;

/// <summary>A proposal operation that cannot be done as asked; the message says why and what to do instead.</summary>
public sealed class ProposalException : Exception
{
    public ProposalException()
    {
    }

    public ProposalException(string message)
        : base(message)
    {
    }

    public ProposalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
