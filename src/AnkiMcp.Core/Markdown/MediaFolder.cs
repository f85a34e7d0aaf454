namespace AnkiMcp.Core.Markdown;

/// <summary>The <c>media/</c> folder of a collection.</summary>
public sealed class MediaFolder
{
    /// <summary>The folder name inside the collection, also the prefix of media references in Markdown.</summary>
    public const string FolderName = "media";

    /// <summary>The Anki media file name for an image source written in Markdown: <c>media/x.png</c> → <c>x.png</c>;
    /// other sources (URLs) are kept.</summary>
    public static string ToAnkiFileName(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.StartsWith(FolderName + "/", StringComparison.Ordinal) ? source[(FolderName.Length + 1)..] : source;
    }
}
