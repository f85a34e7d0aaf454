namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>An error an action raises; its message is what the add-on sends: Python's <c>str(exception)</c>.</summary>
internal sealed class AnkiActionException : Exception
{
    public AnkiActionException()
    {
    }

    public AnkiActionException(string message)
        : base(message)
    {
    }

    public AnkiActionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
