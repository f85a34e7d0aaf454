namespace AnkiMcp.Core.Sync;

/// <summary>
/// A sync that stopped before changing anything, because going on would be unsafe (profile mismatch, duplicate
/// keys, invalid Markdown, too many deletes). The message says what is wrong and what to do.
/// </summary>
public sealed class SyncRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SyncRefusedException()
    {
    }

    /// <summary>Creates the exception with the message shown to the user.</summary>
    public SyncRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the user and its cause.</summary>
    public SyncRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
