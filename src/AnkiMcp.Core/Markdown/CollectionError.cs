namespace AnkiMcp.Core.Markdown;

/// <summary>A problem in the collection folder, located by file (relative to the collection) and 1-based line.</summary>
public sealed record CollectionError(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Message}";
}
