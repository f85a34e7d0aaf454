using System.Text.RegularExpressions;

namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>The metadata comment lines of a note: <c>&lt;!-- note_key: … --&gt;</c>, <c>&lt;!-- note_type: … --&gt;</c>
/// and <c>&lt;!-- tags: … --&gt;</c>, with free spacing inside the comment and around it. Any other comment is content.</summary>
internal static partial class MetadataComment
{
    /// <summary>What <paramref name="line"/> holds; <paramref name="value"/> is the key, note type name or tags text.</summary>
    public static MetadataKind Read(ReadOnlySpan<char> line, out string value)
    {
        MetadataKind kind = Find(line, out Range range);
        value = kind == MetadataKind.None ? "" : line[range].ToString();
        return kind;
    }

    /// <summary>What <paramref name="line"/> holds, without copying its value (the line scan asks this of every line).</summary>
    public static MetadataKind KindOf(ReadOnlySpan<char> line) => Find(line, out _);

    private static MetadataKind Find(ReadOnlySpan<char> line, out Range value)
    {
        value = default;
        if (!line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            return MetadataKind.None;
        if (WrittenKey(line) is { } writtenKey)
        {
            value = writtenKey;
            return MetadataKind.Key;
        }
        if (WrittenTags(line) is { } writtenTags)
        {
            value = writtenTags;
            return MetadataKind.Tags;
        }
        string text = line.ToString();
        if (KeyComment().Match(text) is { Success: true } keyMatch && NoteKey.IsValid(keyMatch.Groups["key"].ValueSpan))
        {
            value = RangeOf(keyMatch.Groups["key"]);
            return MetadataKind.Key;
        }
        if (text.Contains("note_key", StringComparison.Ordinal))
            return MetadataKind.MalformedKey;
        if (TypeComment().Match(text) is { Success: true } typeMatch)
        {
            value = RangeOf(typeMatch.Groups["name"]);
            return MetadataKind.NoteType;
        }
        if (TagsComment().Match(text) is { Success: true } tagsMatch)
        {
            value = RangeOf(tagsMatch.Groups["tags"]);
            return MetadataKind.Tags;
        }
        return MetadataKind.None;
    }

    private static Range RangeOf(Group group) => new(group.Index, group.Index + group.Length);

    // The two comments of nearly every note, in the exact form the writer produces, read without a regex; any other
    // spelling (extra spaces, a malformed key, "note_key" inside tags) goes through the regexes, which decide alike.
    private static Range? WrittenKey(ReadOnlySpan<char> line)
    {
        const string Prefix = "<!-- note_key: ", Suffix = " -->";
        if (line.Length <= Prefix.Length + Suffix.Length || !line.StartsWith(Prefix, StringComparison.Ordinal) || !line.EndsWith(Suffix, StringComparison.Ordinal))
            return null;
        Range key = Prefix.Length..^Suffix.Length;
        return NoteKey.IsValid(line[key]) ? key : null;
    }

    private static Range? WrittenTags(ReadOnlySpan<char> line)
    {
        const string Prefix = "<!-- tags:", Suffix = "-->";
        if (line.Length < Prefix.Length + Suffix.Length || !line.StartsWith(Prefix, StringComparison.Ordinal) || !line.EndsWith(Suffix, StringComparison.Ordinal)
            || line.Contains("note_key", StringComparison.Ordinal))
            return null;
        return Prefix.Length..^Suffix.Length;
    }

    [GeneratedRegex(@"^\s*<!--\s*note_key:\s*(?<key>.*?)\s*-->\s*$")]
    internal static partial Regex KeyComment();

    [GeneratedRegex(@"^\s*<!--\s*note_type:\s*(?<name>.*?)\s*-->\s*$")]
    internal static partial Regex TypeComment();

    [GeneratedRegex(@"^\s*<!--\s*tags:(?<tags>.*?)-->\s*$")]
    internal static partial Regex TagsComment();
}
