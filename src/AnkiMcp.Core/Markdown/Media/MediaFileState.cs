namespace AnkiMcp.Core.Markdown.Media;

/// <summary>What a media file name stands for on disk, and whether it may be read.</summary>
/// <param name="Kind">Which case it is.</param>
/// <param name="Path">The file to read (when readable), or where the link points (when it is a link that must not be read).</param>
public sealed record MediaFileState(MediaFileKind Kind, string? Path)
{
    public static MediaFileState Missing { get; } = new(MediaFileKind.Missing, null);

    public static MediaFileState Readable(string path) => new(MediaFileKind.Readable, path);

    public static MediaFileState Dangling(string target) => new(MediaFileKind.DanglingLink, target);

    public static MediaFileState OutsideCollection(string target) => new(MediaFileKind.LinkOutOfCollection, target);

    /// <summary>A message for the person, naming the file; null when the file is readable.</summary>
    public string? Problem(string name) => Kind switch
    {
        MediaFileKind.Missing => $"media/{name} is referenced but not in media/; add the file or fix the reference",
        MediaFileKind.DanglingLink => $"media/{name} is a symbolic link to '{Path}', which does not exist; replace the link with the file",
        MediaFileKind.LinkOutOfCollection => $"media/{name} is a symbolic link to '{Path}', outside the collection: it is never followed, "
            + "so it is not sent to Anki nor committed; copy the file itself into media/ if you mean to use it",
        _ => null,
    };
}
