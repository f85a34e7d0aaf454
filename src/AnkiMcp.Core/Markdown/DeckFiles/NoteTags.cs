namespace AnkiMcp.Core.Markdown.DeckFiles;

/// <summary>Tag normalisation shared by the parser, the writer and fingerprints: trimmed, distinct, sorted ordinally.</summary>
public static class NoteTags
{
    public static IReadOnlyList<string> Normalize(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags is IReadOnlyCollection<string> { Count: 0 })
            return [];
        // A list sorted once, not a sorted set: a note has few tags, and this runs for every note of a collection.
        List<string> parts = [];
        foreach (string tag in tags)
            parts.AddRange(tag.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (parts.Count > 1)
            parts.Sort(StringComparer.Ordinal);
        int kept = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            if (kept == 0 || !string.Equals(parts[i], parts[kept - 1], StringComparison.Ordinal))
                parts[kept++] = parts[i];
        }
        parts.RemoveRange(kept, parts.Count - kept);
        return parts.ToArray();
    }
}
