using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Core.Sync;

/// <summary>Reads what a sync needs from Anki in a fixed number of requests, however many notes there are.</summary>
internal sealed class AnkiCollectionReader(AnkiConnectClient client)
{
    /// <summary>One request: version, active profile, note types and the ids of the managed notes.</summary>
    public async Task<AnkiSnapshot> ReadSnapshotAsync(IReadOnlyCollection<string> managedTypes, CancellationToken cancellationToken)
    {
        List<AnkiAction> actions = [new("version"), new("getActiveProfile"), new("modelNames")];
        if (managedTypes.Count > 0)
            actions.Add(new AnkiAction("findNotes", new { query = ManagedNotesQuery(managedTypes) }));
        IReadOnlyList<AnkiActionResult> results = await client.MultiAsync(actions, cancellationToken);
        string profile = results[1].GetResultOrThrow().GetString() ?? "";
        HashSet<string> modelNames = [.. results[2].GetResultOrThrow().EnumerateArray().Select(name => name.GetString()!)];
        List<long> noteIds = managedTypes.Count > 0
            ? [.. results[3].GetResultOrThrow().EnumerateArray().Select(id => id.GetInt64())]
            : [];
        return new AnkiSnapshot(profile, modelNames, noteIds);
    }

    /// <summary>Two requests: the notes, then the decks of their first cards (a note lives in its first card's deck).</summary>
    public async Task<IReadOnlyList<RemoteNote>> ReadNotesAsync(IReadOnlyList<long> noteIds, IReadOnlyDictionary<string, ManagedNoteType> types, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
            return [];
        IReadOnlyList<AnkiNoteInfo> infos = await client.NotesInfoAsync(noteIds, cancellationToken);
        List<AnkiNoteInfo> managed = [.. infos.Where(info => info.Cards.Count > 0 && types.ContainsKey(info.ModelName))];
        IReadOnlyDictionary<string, IReadOnlyList<long>> decks = await client.GetDecksAsync([.. managed.Select(info => info.Cards[0])], cancellationToken);
        Dictionary<long, string> deckByCard = [];
        foreach ((string deck, IReadOnlyList<long> cards) in decks)
        {
            foreach (long card in cards)
                deckByCard[card] = deck;
        }
        return [.. managed.Select(info => ToRemoteNote(info, types[info.ModelName], deckByCard.GetValueOrDefault(info.Cards[0], "Default")))];
    }

    /// <summary>An Anki search for every note of these types.</summary>
    public static string ManagedNotesQuery(IEnumerable<string> types) =>
        string.Join(" OR ", types.Order(StringComparer.Ordinal).Select(type => $"\"note:{EscapeSearchText(type)}\""));

    /// <summary>An Anki search for the notes whose hidden key field holds this key.</summary>
    public static string KeyQuery(string noteKey) => $"\"{NoteTypeDefinition.KeyFieldName}:{EscapeSearchText(noteKey)}\"";

    private static RemoteNote ToRemoteNote(AnkiNoteInfo info, ManagedNoteType type, string deckName)
    {
        string? key = info.GetField(NoteTypeDefinition.KeyFieldName)?.Trim();
        Dictionary<string, string> fields = new(StringComparer.Ordinal);
        foreach (string name in type.SyncedFields)
            fields[name] = info.GetField(name) ?? "";
        return new RemoteNote(info.NoteId, string.IsNullOrEmpty(key) ? null : key, info.ModelName, deckName, fields, info.Tags, info.Cards);
    }

    // Anki's wildcards (* and _) are left as they are: they can only widen the search, and notes of other types are
    // filtered out after reading.
    private static string EscapeSearchText(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
