namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Tag normalisation shared by the parser, the writer and fingerprints: trimmed, distinct, sorted ordinally.</summary>
public static class NoteTags
{
    public static IReadOnlyList<string> Normalize(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags is IReadOnlyCollection<string> { Count: 0 })
            return [];
        SortedSet<string> set = new(StringComparer.Ordinal);
        foreach (string tag in tags)
        {
            foreach (string part in tag.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                set.Add(part);
        }
        return [.. set];
    }
}
