using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Stable, profile-independent note identities written as <c>&lt;!-- note_key: … --&gt;</c>.</summary>
public static partial class NoteKey
{
    /// <summary>A fresh key: 12 lowercase hex digits from a cryptographic random source.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Whether <paramref name="key"/> is acceptable in a key comment (AnkiOps' alphabet: letters, digits, '-').</summary>
    public static bool IsValid(string key) => ValidKey().IsMatch(key);

    internal static bool IsValid(ReadOnlySpan<char> key) => ValidKey().IsMatch(key);

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex ValidKey();
}
