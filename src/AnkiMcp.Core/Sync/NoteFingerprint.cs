using System.Security.Cryptography;
using System.Text.Json;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// A short digest of a note's content (type, non-empty fields by name, tags as a set). Equal fingerprints mean equal
/// content, so a sync can skip notes whose side did not change since the last sync without converting anything.
/// </summary>
public static class NoteFingerprint
{
    /// <summary>Computes the fingerprint; field order, empty fields and tag order and duplicates do not matter.</summary>
    public static string Compute(string noteTypeName, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(tags);
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", noteTypeName);
            writer.WriteStartObject("fields");
            foreach (KeyValuePair<string, string> field in fields.Where(field => field.Value.Length > 0).OrderBy(field => field.Key, StringComparer.Ordinal))
                writer.WriteString(field.Key, field.Value);
            writer.WriteEndObject();
            writer.WriteStartArray("tags");
            foreach (string tag in tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                writer.WriteStringValue(tag);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..16];
    }
}
