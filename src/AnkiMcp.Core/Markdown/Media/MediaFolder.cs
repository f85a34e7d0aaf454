using System.Text;
using System.Text.RegularExpressions;
using AnkiMcp.Core.IO;
using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Core.Markdown.Media;

/// <summary>The flat <c>media/</c> folder of a collection. Files get content-hashed names exactly as AnkiOps gives them
/// (<c>&lt;stem&gt;_&lt;8 hex&gt;.&lt;ext&gt;</c>, the first 4 bytes of the content's BLAKE3 digest), so that two different
/// images never collide in Anki's single media folder and a changed file travels under a new name; a name whose suffix
/// is its content's digest is kept, another suffix is replaced. References are found in Markdown images,
/// <c>&lt;img src&gt;</c> and <c>[sound:…]</c>; a reference that is not a plain file name is refused.</summary>
public sealed partial class MediaFolder
{
    /// <summary>The folder name inside the collection, also the prefix of media references in Markdown.</summary>
    public const string FolderName = "media";

    private const int DigestBytes = 4;
    private readonly string _collectionDir;

    public MediaFolder(string collectionDir)
    {
        ArgumentNullException.ThrowIfNull(collectionDir);
        _collectionDir = System.IO.Path.GetFullPath(collectionDir);
        Path = System.IO.Path.Combine(_collectionDir, FolderName);
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
        Span<byte> digest = stackalloc byte[DigestBytes];
        Blake3.Hasher.Hash(content, digest);
        return HashedNameFor(fileName, Convert.ToHexStringLower(digest));
    }

    /// <summary>The content-hashed name for a file called <paramref name="fileName"/> whose <see cref="DigestAsync"/> is
    /// <paramref name="digest"/>: AnkiOps' <c>&lt;stem&gt;_&lt;digest&gt;&lt;.ext&gt;</c>, an older digest suffix replaced.</summary>
    public static string HashedNameFor(string fileName, string digest)
    {
        string name = RequireSafeName(fileName);
        string extension = System.IO.Path.GetExtension(name);
        string stem = name[..^extension.Length];
        Match suffix = HashSuffix().Match(stem);
        if (suffix.Success)
        {
            if (suffix.Groups[1].Value == digest)
                return name;
            stem = stem[..suffix.Index];
        }
        return $"{stem}_{digest}{extension}";
    }

    /// <summary>The content digest media names carry: the first 4 bytes of BLAKE3, as 8 lowercase hex digits (AnkiOps' <c>hexdigest(length=4)</c>).</summary>
    public static async Task<string> DigestAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        using Blake3.Hasher hasher = Blake3.Hasher.New();
        await using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            hasher.Update(buffer.AsSpan(0, read));
        byte[] digest = new byte[DigestBytes];
        hasher.Finalize(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Whether the media file <paramref name="name"/> may be read: a plain file, or a link whose final target is a
    /// file inside the collection. A link out of the collection is never followed (a cloned deck could point at any file).</summary>
    public MediaFileState Inspect(string name)
    {
        string path = FullPathOf(name);
        FileInfo file = new(path);
        if (file.LinkTarget is null && !IsLinked(Path))
            return file.Exists ? MediaFileState.Readable(path) : MediaFileState.Missing;
        FileSystemInfo? target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !File.Exists(target.FullName))
            return file.LinkTarget is null ? MediaFileState.Missing : MediaFileState.Dangling(file.LinkTarget);
        string real = RealPath(target.FullName);
        return real.StartsWith(RealPath(_collectionDir) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? MediaFileState.Readable(path)
            : MediaFileState.OutsideCollection(real);
    }

    private static bool IsLinked(string directory) => new DirectoryInfo(directory).LinkTarget is not null;

    /// <summary>The path with every symbolic link on the way resolved.</summary>
    private static string RealPath(string path, int depth = 0)
    {
        string full = System.IO.Path.GetFullPath(path);
        string root = System.IO.Path.GetPathRoot(full)!;
        string current = root;
        foreach (string part in full[root.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = System.IO.Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (entry.LinkTarget is { } link && depth < 40)
                current = RealPath(System.IO.Path.GetFullPath(link, System.IO.Path.GetDirectoryName(current)!), depth + 1);
        }
        return current;
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

    /// <summary>
    /// False when <paramref name="text"/> cannot hold a media reference (it has none of the strings every form of one
    /// contains), so the reference pattern need not run over it: most lines of a deck file refer to no media.
    /// </summary>
    public static bool MayHoldReference(ReadOnlySpan<char> text) =>
        text.Contains("](", StringComparison.Ordinal) || text.Contains("src", StringComparison.OrdinalIgnoreCase) || text.Contains("[sound:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds the media references in a deck file's text (outside code fences). Sources are URL-decoded, may be
    /// written as <c>&lt;media/x&gt;</c>, and lose a leading <c>media/</c>; web and data URLs are not media.</summary>
    public static MediaScan Scan(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<MediaReference> references = [];
        List<CollectionError> errors = [];
        DeckLines lines = new(text);
        foreach (int i in LinesOutsideCode(lines))
        {
            if (!MayHoldReference(lines[i]))
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

    /// <summary>The text with every media reference to a renamed file pointing at its new name (outside code fences;
    /// everything else kept byte for byte). Markdown images take AnkiOps' form <c>](&lt;media/new&gt;)</c>.</summary>
    public static string RewriteReferences(string text, IReadOnlyDictionary<string, string> renames)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(renames);
        if (renames.Count == 0)
            return text;
        StringBuilder result = new(text);
        DeckLines lines = new(text);
        List<(int Index, int Length, string Replacement)> edits = [];
        foreach (int i in LinesOutsideCode(lines))
        {
            if (!MayHoldReference(lines[i]))
                continue;
            string line = lines[i].ToString();
            foreach (Match match in Reference().Matches(line))
            {
                Group source = match.Groups["md"].Success ? match.Groups["md"] : match.Groups["img"].Success ? match.Groups["img"] : match.Groups["sound"];
                if (ToMediaName(source.Value) is not { } name || !renames.TryGetValue(name, out string? renamed))
                    continue;
                string replacement = source.Name switch
                {
                    "md" => $"<{FolderName}/{renamed}>",
                    "img" when source.Value.TrimStart().StartsWith(FolderName + "/", StringComparison.Ordinal) => $"{FolderName}/{renamed}",
                    _ => renamed,
                };
                edits.Add((lines.StartOf(i) + source.Index, source.Length, replacement));
            }
        }
        foreach ((int index, int length, string replacement) in edits.OrderByDescending(edit => edit.Index))
            result.Remove(index, length).Insert(index, replacement);
        return result.ToString();
    }

    /// <summary>The lines (0-based) that are not code. Without the note types any label-shaped line starts a field, and a
    /// fence right after its label opens code.</summary>
    private static IEnumerable<int> LinesOutsideCode(DeckLines lines)
    {
        CodeFence code = new();
        for (int i = 0; i < lines.Count; i++)
        {
            ReadOnlyMemory<char> content = lines.Memory(i);
            int label = FieldLabel.Match(content.Span);
            if (label > 0 && !code.IsCode(content.Span))
            {
                code.Reset();
                content = content[label..].TrimStart();
            }
            if (!code.Add(content, i))
                yield return i;
        }
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

    [GeneratedRegex(@"_([0-9a-f]{8})$")]
    private static partial Regex HashSuffix();

    [GeneratedRegex("""!\[[^\]]*\]\(\s*(?<md><[^>]*>|[^)\s]+)[^)]*\)|<img\b[^>]*?\ssrc\s*=\s*["'](?<img>[^"']*)["']|\[sound:(?<sound>[^\]]+)\]""", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
