namespace AnkiMcp.Core.Markdown;

/// <summary>Thrown when the collection folder cannot be used as it is (invalid note types) or when a write is refused
/// because the file on disk does not parse cleanly.</summary>
public sealed class CollectionFormatException : Exception
{
    public CollectionFormatException(IReadOnlyList<CollectionError> errors)
        : base(string.Join(Environment.NewLine, (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public CollectionFormatException() : this([]) { }

    public CollectionFormatException(string message) : base(message) { Errors = []; }

    public CollectionFormatException(string message, Exception innerException) : base(message, innerException) { Errors = []; }

    /// <summary>Every problem found, each naming its file and line.</summary>
    public IReadOnlyList<CollectionError> Errors { get; }
}
