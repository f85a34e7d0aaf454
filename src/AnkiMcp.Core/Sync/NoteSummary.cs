using System.Text;

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
        StringBuilder line = new();
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = line.Length > 0;
                continue;
            }
            if (space)
                line.Append(' ');
            space = false;
            line.Append(c);
            if (line.Length > MaxLength)
                return line.ToString(0, MaxLength - 1).TrimEnd() + "…";
        }
        return line.ToString();
    }
}
