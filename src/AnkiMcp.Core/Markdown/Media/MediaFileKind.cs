namespace AnkiMcp.Core.Markdown.Media;

/// <summary>The cases of <see cref="MediaFileState"/>.</summary>
public enum MediaFileKind
{
    /// <summary>A file, or a link to a file inside the collection.</summary>
    Readable,

    /// <summary>No such file.</summary>
    Missing,

    /// <summary>A symbolic link whose target does not exist.</summary>
    DanglingLink,

    /// <summary>A symbolic link to a file outside the collection: never followed.</summary>
    LinkOutOfCollection,
}
