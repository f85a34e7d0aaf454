using System.Globalization;
using System.Text;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Deck names ⇄ deck file names, compatible with AnkiOps: <c>Parent::Child</c> ⇄ <c>Parent__Child.md</c>, with
/// reversible percent escaping of <c>%</c>, a literal <c>__</c>, <c>/</c> and <c>\</c> (and, beyond AnkiOps, of
/// characters no file system accepts: <c>: &lt; &gt; " | ? *</c> and control characters). Names that could escape the
/// collection folder or that Windows reserves are rejected.</summary>
public static class DeckFileNames
{
    public const string Extension = ".md";

    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The file name (with <c>.md</c>) for an Anki deck name.</summary>
    /// <exception cref="ArgumentException">The deck name is empty, has an empty or blank part, '.' or '..' as a part,
    /// '_' next to '::', or would produce a reserved file name.</exception>
    public static string ToFileName(string deckName)
    {
        ArgumentNullException.ThrowIfNull(deckName);
        string[] parts = deckName.Split("::");
        StringBuilder stem = new();
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part.Length == 0 || part.Trim().Length != part.Length || part is "." or "..")
                throw new ArgumentException($"Deck name '{deckName}' has an empty, padded or '.'/'..' part between '::'; rename the deck.", nameof(deckName));
            if ((i > 0 && part[0] == '_') || (i < parts.Length - 1 && part[^1] == '_'))
                throw new ArgumentException($"Deck name '{deckName}' has '_' next to '::', which cannot be told apart from the '__' separator in file names; rename the deck.", nameof(deckName));
            if (i > 0)
                stem.Append("__");
            AppendEscaped(stem, part);
        }
        string result = stem.ToString();
        if (s_reserved.Contains(result) || result.EndsWith('.'))
            throw new ArgumentException($"Deck name '{deckName}' would need the file name '{result}{Extension}', which Windows reserves; rename the deck.", nameof(deckName));
        return result + Extension;
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
