namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>A fault the test asked for: close the connection without replying, as if Anki went away.</summary>
internal sealed class ConnectionDropException : Exception
{
    public ConnectionDropException()
        : base("The emulator drops this connection on request.")
    {
    }

    public ConnectionDropException(string message)
        : base(message)
    {
    }

    public ConnectionDropException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
