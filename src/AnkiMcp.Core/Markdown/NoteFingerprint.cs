using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AnkiMcp.Core.Markdown.DeckFiles;

namespace AnkiMcp.Core.Markdown;

/// <summary>Content fingerprints that let a sync skip notes that did not change: SHA-256 (first 16 hex digits) over the
/// note type, the fields sorted by name (empty fields left out) and the normalised tags.</summary>
public static class NoteFingerprint
{
    private const char FieldSeparator = '\u001f';
    private const char TagsStart = '\u001e';

    public static string Compute(string noteTypeName, IReadOnlyDictionary<string, string> fields, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(noteTypeName);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(tags);
        // The filled fields in a pooled array, not a list per note: this runs for every note read or written.
        KeyValuePair<string, string>[] rented = ArrayPool<KeyValuePair<string, string>>.Shared.Rent(fields.Count);
        try
        {
            int count = 0;
            foreach (KeyValuePair<string, string> field in fields)
            {
                if (field.Value.Length > 0)
                    rented[count++] = field;
            }
            Span<KeyValuePair<string, string>> filled = rented.AsSpan(0, count);
            if (count > 1)
                filled.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return Compute(noteTypeName, filled, NoteTags.Normalize(tags));
        }
        finally
        {
            ArrayPool<KeyValuePair<string, string>>.Shared.Return(rented, clearArray: true);
        }
    }

    private static string Compute(string noteTypeName, ReadOnlySpan<KeyValuePair<string, string>> filled, IReadOnlyList<string> normalizedTags)
    {
        // The UTF-8 of the canonical string, written straight into one pooled buffer (this runs for every note of a collection).
        int chars = Length(noteTypeName) + 1;
        foreach (KeyValuePair<string, string> field in filled)
            chars += Length(field.Key) + Length(field.Value);
        foreach (string tag in normalizedTags)
            chars += Length(tag);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chars));
        try
        {
            int written = Append(buffer, 0, noteTypeName);
            foreach (KeyValuePair<string, string> field in filled)
            {
                written = Append(buffer, written, field.Key);
                written = Append(buffer, written, field.Value);
            }
            buffer[written++] = (byte)TagsStart;
            foreach (string tag in normalizedTags)
                written = Append(buffer, written, tag);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Length-prefixed so that no two different notes share a canonical string: "<UTF-16 length>:<value>\u001f". The ASCII
    // around each value keeps its UTF-8 the same as that of the whole string encoded at once, lone surrogates included.
    private static int Append(byte[] buffer, int at, string value)
    {
        value.Length.TryFormat(buffer.AsSpan(at), out int digits, provider: CultureInfo.InvariantCulture);
        at += digits;
        buffer[at++] = (byte)':';
        at += Encoding.UTF8.GetBytes(value, buffer.AsSpan(at));
        buffer[at++] = (byte)FieldSeparator;
        return at;
    }

    // Characters an appended value takes at most: its digits (at most 10), ':', the value and the separator.
    private static int Length(string value) => 12 + value.Length;
}
