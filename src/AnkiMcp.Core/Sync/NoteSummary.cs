namespace AnkiMcp.Core.Sync;

/// <summary>Short descriptions of a note for plans and reports: its first field on one line, and the fields a change touches.</summary>
internal static class NoteSummary
{
    private const int MaxLength = 60;

    /// <summary>The note's first field (Markdown side when there is one), on one line and at most 60 characters.</summary>
    public static string Of(NoteDecision decision, IReadOnlyDictionary<string, ManagedNoteType> types, PulledNotes pulled)
    {
        string typeName = decision.Local?.NoteTypeName ?? decision.Remote!.NoteTypeName;
        if (!types.TryGetValue(typeName, out ManagedNoteType? type) || type.SyncedFields.Count == 0)
            return "";
        string first = type.SyncedFields[0];
        string text = decision.Local is not null ? decision.Local.Fields.GetValueOrDefault(first, "")
            : decision.Remote is { IsUnchangedSummary: false } remote ? pulled.MarkdownFields(remote).GetValueOrDefault(first, "")
            : "";
        return Shorten(text);
    }

    /// <summary>Names of the fields (and "tags") in which the two sides of a note differ: the fields a sync rewrites.</summary>
    public static IReadOnlyList<string> ChangedFields(NoteDecision decision, IReadOnlyDictionary<string, ManagedNoteType> types)
    {
        if (decision is not { Local: { } local, Remote: { IsUnchangedSummary: false } remote } || !types.TryGetValue(local.NoteTypeName, out ManagedNoteType? type))
            return [];
        IReadOnlyDictionary<string, string> html = NoteConverter.AnkiHtml(local, type);
        List<string> changed = [.. type.SyncedFields.Where(name => !string.Equals(html[name], remote.Fields.GetValueOrDefault(name, ""), StringComparison.Ordinal))];
        if (!local.Tags.ToHashSet(StringComparer.Ordinal).SetEquals(remote.Tags))
            changed.Add("tags");
        return changed;
    }

    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // One summary per changed note (10,000 on a first import): built on the stack, one string allocated. Each
        // character may bring a pending space with it, so the line can run two past the limit before it is cut.
        Span<char> line = stackalloc char[MaxLength + 2];
        int length = 0;
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }
            if (space)
                line[length++] = ' ';
            space = false;
            line[length++] = c;
            if (length > MaxLength)
                return new string(((ReadOnlySpan<char>)line[..(MaxLength - 1)]).TrimEnd()) + "…";
        }
        return new string(line[..length]);
    }
}
