using System.Text.Json;

namespace AnkiMcp.Core.Anki;

/// <summary>
/// The strings a reply repeats for every note (its note type, field names, tags), decoded from the reply once and then
/// shared: reading 10,000 notes would otherwise make 10,000 copies of each.
/// </summary>
internal sealed class RepeatedStrings
{
    // Longer values are field contents rather than names, and a reply holds few distinct names: both are decoded as they are.
    private const int MaxLength = 128;
    private const int MaxCount = 4096;

    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public RepeatedStrings() => _lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string <paramref name="reader"/> is on (its escapes decoded), the same instance each time it repeats.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        // A string's UTF-8 takes at least as many bytes as it has UTF-16 characters, escaped or not.
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
            return reader.GetString()!;
        Span<char> buffer = stackalloc char[MaxLength];
        ReadOnlySpan<char> text = buffer[..reader.CopyString(buffer)];
        if (_lookup.TryGetValue(text, out string? known))
            return known;
        string decoded = new(text);
        if (_known.Count < MaxCount)
            _known.Add(decoded);
        return decoded;
    }
}
