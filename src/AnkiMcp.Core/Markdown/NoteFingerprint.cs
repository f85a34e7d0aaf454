using System.Security.Cryptography;
using System.Text;
using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Core.Markdown;

/// <summary>Content fingerprints that let a sync skip notes that did not change: SHA-256 (first 16 hex digits) over the
/// note type, the fields sorted by name (empty fields left out) and the normalised tags.</summary>
public static class NoteFingerprint
{
    public static string Compute(string noteTypeName, IReadOnlyDictionary<string, string> fields, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(noteTypeName);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(tags);
        StringBuilder canonical = new();
        Append(canonical, noteTypeName);
        foreach (KeyValuePair<string, string> field in fields.Where(f => f.Value.Length > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Append(canonical, field.Key);
            Append(canonical, field.Value);
        }
        canonical.Append('\u001e');
        foreach (string tag in NoteTags.Normalize(tags))
            Append(canonical, tag);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    // Length-prefixed so that no two different notes share a canonical string.
    private static void Append(StringBuilder builder, string value) => builder.Append(value.Length).Append(':').Append(value).Append('\u001f');
}
