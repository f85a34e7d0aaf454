using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AnkiMcp.Core.IO;
using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Core.Markdown.Media;

/// <summary>The flat <c>media/</c> folder of a collection. Files get content-hashed names (<c>&lt;stem&gt;_&lt;8 hex&gt;.&lt;ext&gt;</c>,
/// the first 4 bytes of SHA-256) so that two different images never collide in Anki's single media folder; a name that
/// already ends in <c>_&lt;8 hex&gt;</c> (as AnkiOps writes them) is kept. References are found in Markdown images,
/// <c>&lt;img src&gt;</c> and <c>[sound:…]</c>; a reference that is not a plain file name is refused.</summary>
public sealed partial class MediaFolder
{
    /// <summary>The folder name inside the collection, also the prefix of media references in Markdown.</summary>
    public const string FolderName = "media";

    public MediaFolder(string collectionDir)
    {
        ArgumentNullException.ThrowIfNull(collectionDir);
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(collectionDir, FolderName));
    }

    /// <summary>The full path of the media folder.</summary>
    public string Path { get; }

    /// <summary>The Anki media file name for an image source written in Markdown: <c>media/x.png</c> → <c>x.png</c>;
    /// other sources (URLs) are kept.</summary>
    public static string ToAnkiFileName(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.StartsWith(FolderName + "/", StringComparison.Ordinal) ? source[(FolderName.Length + 1)..] : source;
    }

    /// <summary>The content-hashed name for a file called <paramref name="fileName"/> with <paramref name="content"/>.</summary>
    public static string HashedName(string fileName, ReadOnlySpan<byte> content)
    {
        string name = RequireSafeName(fileName);
        if (HashSuffix().IsMatch(System.IO.Path.GetFileNameWithoutExtension(name)))
            return name;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(content, hash);
        return $"{System.IO.Path.GetFileNameWithoutExtension(name)}_{Convert.ToHexStringLower(hash[..4])}{System.IO.Path.GetExtension(name)}";
    }

    /// <summary>Stores <paramref name="content"/> under its hashed name (see <see cref="HashedName"/>) and returns that
    /// name. An existing file with that name is left alone when it holds the same bytes.</summary>
    /// <exception cref="IOException">A different file already has that name.</exception>
    public string Add(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string name = HashedName(fileName, content);
        string target = FullPathOf(name);
        if (File.Exists(target))
        {
            if (File.ReadAllBytes(target).AsSpan().SequenceEqual(content))
                return name;
            throw new IOException($"{FolderName}/{name} already exists with other content; rename one of the files.");
        }
        AtomicFile.WriteAllBytes(target, content);
        return name;
    }

    /// <summary>Whether <c>media/</c> holds a file called <paramref name="name"/>.</summary>
    public bool Contains(string name) => IsSafeName(name, out _) && File.Exists(System.IO.Path.Combine(Path, name));

    /// <summary>The full path of the media file <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a plain file name.</exception>
    public string FullPathOf(string name) => System.IO.Path.Combine(Path, RequireSafeName(name));

    /// <summary>The names of the files in <c>media/</c>.</summary>
    public IEnumerable<string> FileNames() =>
        Directory.Exists(Path) ? Directory.EnumerateFiles(Path).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal) : [];

    /// <summary>Whether <paramref name="name"/> is a plain file name (no folders, no '..', nothing absolute).</summary>
    public static bool IsSafeName(string name, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(name);
        reason = name switch
        {
            "" => "is empty",
            "." or ".." => "is not a file name",
            _ when name.Contains('/') || name.Contains('\\') => "contains a path separator; media files live directly in media/",
            _ when name.Contains('\0') || name.Any(char.IsControl) => "contains control characters",
            _ when System.IO.Path.IsPathRooted(name) || name.Contains(':') => "is an absolute path",
            _ => null,
        };
        return reason is null;
    }

    /// <summary>Finds the media references in a deck file's text (outside code fences). Sources are URL-decoded, may be
    /// written as <c>&lt;media/x&gt;</c>, and lose a leading <c>media/</c>; web and data URLs are not media.</summary>
    public static MediaScan Scan(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<MediaReference> references = [];
        List<CollectionError> errors = [];
        DeckLines lines = new(text);
        CodeFence code = new();
        for (int i = 0; i < lines.Count; i++)
        {
            // Without the note types any label-shaped line starts a field (a fence right after it opens code).
            ReadOnlyMemory<char> content = lines.Memory(i);
            int label = FieldLabel.Match(content.Span);
            if (label > 0 && !code.IsCode(content.Span))
            {
                code.Reset();
                content = content[label..].TrimStart();
            }
            if (code.Add(content, i))
                continue;
            string line = lines[i].ToString();
            foreach (Match match in Reference().Matches(line))
            {
                string source = match.Groups["md"].Success ? match.Groups["md"].Value : match.Groups["img"].Success ? match.Groups["img"].Value : match.Groups["sound"].Value;
                string? name = ToMediaName(source);
                if (name is null)
                    continue;
                if (IsSafeName(name, out string? reason))
                    references.Add(new MediaReference(name, fileName, i + 1));
                else
                    errors.Add(new CollectionError(fileName, i + 1, $"media reference '{source}' {reason}; refer to files as media/NAME"));
            }
        }
        return new MediaScan(references, errors);
    }

    private static string? ToMediaName(string source)
    {
        string path = source.Trim().Trim('<', '>');
        for (int i = 0; i < 3 && path.Contains('%'); i++)
            path = Uri.UnescapeDataString(path);
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return null;
        return path.StartsWith(FolderName + "/", StringComparison.Ordinal) ? path[(FolderName.Length + 1)..] : path;
    }

    private static string RequireSafeName(string name) =>
        IsSafeName(name, out string? reason) ? name : throw new ArgumentException($"Media file name '{name}' {reason}.", nameof(name));

    [GeneratedRegex(@"_[0-9a-f]{8}$")]
    private static partial Regex HashSuffix();

    [GeneratedRegex("""!\[[^\]]*\]\(\s*(?<md><[^>]*>|[^)\s]+)[^)]*\)|<img\b[^>]*?\ssrc\s*=\s*["'](?<img>[^"']*)["']|\[sound:(?<sound>[^\]]+)\]""", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
