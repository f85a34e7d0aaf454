using System.Globalization;
using System.Text;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Deck names ⇄ deck file names, compatible with AnkiOps: <c>Parent::Child</c> ⇄ <c>Parent__Child.md</c>, with
/// reversible percent escaping of <c>%</c>, a literal <c>__</c>, <c>/</c> and <c>\</c> (and, beyond AnkiOps, of
/// characters no file system accepts: <c>: &lt; &gt; " | ? *</c> and control characters). A name is rejected when its
/// file could escape the collection folder, is reserved on Windows, is too long for Linux, macOS or Windows, or would
/// be a file the collection does not read (hidden, or README and the like): cards written there would never sync.</summary>
public static class DeckFileNames
{
    public const string Extension = ".md";

    // File systems allow 255 UTF-8 bytes (ext4, APFS) or 255 UTF-16 units (NTFS, never more than the UTF-8 bytes) per
    // name; an atomic write first writes ".<name>.<32 hex>.tmp", 38 more.
    private const int MaxFileNameBytes = 255 - 38;

    // Windows reserves these device names, alone or before an extension ("CON.txt"), in any case.
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    // Markdown files a collection folder holds besides decks.
    private static readonly HashSet<string> s_notDecks = new(StringComparer.OrdinalIgnoreCase)
    {
        "README", "CHANGELOG", "CODE_OF_CONDUCT", "CONTRIBUTING", "FUNDING", "LICENSE", "SECURITY", "SUPPORT",
    };

    /// <summary>Whether a collection reads the file of this name (no folder) as a deck: <c>*.md</c>, not hidden, not README and the like.</summary>
    public static bool IsDeckFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
            && !fileName.StartsWith('.')
            && !s_notDecks.Contains(fileName[..^Extension.Length]);
    }

    /// <summary>The file name (with <c>.md</c>) for an Anki deck name.</summary>
    /// <exception cref="ArgumentException">The deck name is empty, has an empty or blank part, '.' or '..' as a part,
    /// '_' next to '::', or would produce a file name that is reserved, too long, or not read as a deck.</exception>
    public static string ToFileName(string deckName)
    {
        ArgumentNullException.ThrowIfNull(deckName);
        string fileName = Build(deckName, out string? problem);
        return problem is null ? fileName : throw new ArgumentException(problem, nameof(deckName));
    }

    /// <summary>Why <paramref name="deckName"/> cannot have a deck file, or null when it can (see <see cref="ToFileName"/>).</summary>
    public static string? Problem(string deckName)
    {
        ArgumentNullException.ThrowIfNull(deckName);
        Build(deckName, out string? problem);
        return problem;
    }

    private static string Build(string deckName, out string? problem)
    {
        string[] parts = deckName.Split("::");
        StringBuilder stem = new();
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part.Length == 0 || part.Trim().Length != part.Length || part is "." or "..")
            {
                problem = $"Deck name '{deckName}' has an empty, padded or '.'/'..' part between '::'; rename the deck.";
                return "";
            }
            if ((i > 0 && part[0] == '_') || (i < parts.Length - 1 && part[^1] == '_'))
            {
                problem = $"Deck name '{deckName}' has '_' next to '::', which cannot be told apart from the '__' separator in file names; rename the deck.";
                return "";
            }
            if (i > 0)
                stem.Append("__");
            AppendEscaped(stem, part);
        }
        string result = stem.ToString();
        string fileName = result + Extension;
        int bytes = Encoding.UTF8.GetByteCount(fileName);
        problem = true switch
        {
            _ when s_reserved.Contains(result.Split('.')[0].TrimEnd(' ')) || result.EndsWith('.') =>
                $"Deck name '{deckName}' would need the file name '{fileName}', which Windows reserves; rename the deck.",
            _ when result.StartsWith('.') =>
                $"Deck name '{deckName}' would need the file name '{fileName}', a hidden file, which the collection does not read; rename the deck.",
            _ when !IsDeckFileName(fileName) =>
                $"Deck name '{deckName}' would need the file name '{fileName}', which the collection keeps for documentation, not decks; rename the deck.",
            _ when bytes > MaxFileNameBytes =>
                $"Deck name '{deckName[..Math.Min(deckName.Length, 40)]}…' would need a file name of {bytes} bytes; file systems allow {MaxFileNameBytes} here. Shorten the deck name.",
            _ => null,
        };
        return fileName;
    }

    /// <summary>The Anki deck name for a deck file name (a bare file name ending in <c>.md</c>).</summary>
    /// <exception cref="ArgumentException">The name is a path, lacks <c>.md</c>, or is ambiguous (<c>___</c>).</exception>
    public static string ToDeckName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (fileName.Length == 0 || fileName.Contains('/') || fileName.Contains('\\') || Path.IsPathRooted(fileName) || fileName.Contains('\0'))
            throw new ArgumentException($"'{fileName}' is not a bare deck file name; deck files live directly in the collection folder.", nameof(fileName));
        if (!fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) || fileName.Length == Extension.Length)
            throw new ArgumentException($"'{fileName}' is not a deck file; deck files end in {Extension}.", nameof(fileName));
        string stem = fileName[..^Extension.Length];
        if (stem.Contains("___", StringComparison.Ordinal))
            throw new ArgumentException($"'{fileName}' contains '___', which is ambiguous (is '_' part of the deck name or of the '__' separator?); rename the file.", nameof(fileName));
        string[] parts = stem.Split("__");
        if (parts.Any(p => p.Length == 0 || p is "." or ".."))
            throw new ArgumentException($"'{fileName}' has an empty or '.'/'..' deck part; rename the file.", nameof(fileName));
        return string.Join("::", parts.Select(Uri.UnescapeDataString));
    }

    /// <summary>Whether <paramref name="deckName"/> is <paramref name="parent"/> or one of its subdecks.</summary>
    public static bool IsSameOrSubdeck(string deckName, string parent)
    {
        ArgumentNullException.ThrowIfNull(deckName);
        ArgumentNullException.ThrowIfNull(parent);
        return deckName == parent || deckName.StartsWith(parent + "::", StringComparison.Ordinal);
    }

    private static void AppendEscaped(StringBuilder builder, string part)
    {
        for (int i = 0; i < part.Length; i++)
        {
            char c = part[i];
            bool doubleUnderscore = c == '_' && i + 1 < part.Length && part[i + 1] == '_';
            if (doubleUnderscore)
            {
                builder.Append("%5F%5F");
                i++;
            }
            else if (c is '%' or '/' or '\\' or ':' or '<' or '>' or '"' or '|' or '?' or '*' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
    }
}
