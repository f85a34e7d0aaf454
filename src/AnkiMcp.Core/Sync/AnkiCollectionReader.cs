using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>Reads what a sync needs from Anki in a fixed number of requests, however many notes there are.</summary>
internal sealed class AnkiCollectionReader(AnkiConnectClient client)
{
    /// <summary>One request: version, active profile, note types, the notes selected in Anki's Browser and the ids of the
    /// managed notes and their cards.</summary>
    public async Task<AnkiSnapshot> ReadSnapshotAsync(IReadOnlyCollection<string> managedTypes, CancellationToken cancellationToken)
    {
        List<AnkiAction> actions = [new("version"), new("getActiveProfile"), new("modelNames"), new("guiSelectedNotes")];
        if (managedTypes.Count > 0)
        {
            string query = ManagedNotesQuery(managedTypes);
            actions.Add(AnkiAction.Search("findNotes", query));
            actions.Add(AnkiAction.Search("findCards", query));
        }
        // At 100,000 notes the ids are MB: read straight from the reply's bytes when every action succeeded.
        SnapshotReply reply = new();
        if (await client.MultiReadingAsync(actions, reply.Read, cancellationToken) is not { } results)
            return reply.Snapshot;
        string profile = results[1].GetResultOrThrow().GetString() ?? "";
        HashSet<string> modelNames = [.. results[2].GetResultOrThrow().EnumerateArray().Select(name => name.GetString()!)];
        // Only a warning depends on the selection: an add-on without the action (or a Browser in a state it cannot read) must not stop the sync.
        HashSet<long> selected = results[3].Error is null && results[3].Result.ValueKind == JsonValueKind.Array ? [.. Ids(results[3])] : [];
        return managedTypes.Count > 0
            ? new AnkiSnapshot(profile, modelNames, Ids(results[4]), Ids(results[5]), selected)
            : new AnkiSnapshot(profile, modelNames, [], [], selected);
    }

    /// <summary>
    /// One request: every managed note's modification time, the deck of every managed card and, when
    /// <paramref name="unmanagedCounts"/> is given, the number of notes of each other note type (filled in).
    /// </summary>
    public async Task<AnkiModTimes> ReadModTimesAsync(
        AnkiSnapshot snapshot, IReadOnlyCollection<string> managedTypes, Dictionary<string, int>? unmanagedCounts, CancellationToken cancellationToken)
    {
        HashSet<string> managed = [.. managedTypes];
        // Counting the notes of the other types rides along in the same request, so that none is skipped without a word.
        List<string> otherTypes = unmanagedCounts is null ? [] : [.. snapshot.ModelNames.Where(name => !managed.Contains(name)).Order(StringComparer.Ordinal)];
        List<AnkiAction> counts = [.. otherTypes.Select(name => AnkiAction.Search("findNotes", ManagedNotesQuery([name])))];
        if (snapshot.ManagedNoteIds.Count == 0)
        {
            if (counts.Count > 0)
                CountUnmanaged(otherTypes, await client.MultiAsync(counts, cancellationToken), unmanagedCounts!);
            return AnkiModTimes.None;
        }
        // At 100,000 notes the reply is several MB: read straight from its bytes when every action succeeded.
        ModTimesReply reply = new(snapshot.ManagedNoteIds.Count, counts.Count);
        IReadOnlyList<AnkiActionResult>? results = await client.MultiReadingAsync(
            [AnkiAction.Ids("notesModTime", "notes", snapshot.ManagedNoteIds), AnkiAction.Ids("getDecks", "cards", snapshot.ManagedCardIds), .. counts],
            reply.Read, cancellationToken);
        if (results is null)
        {
            for (int i = 0; i < otherTypes.Count; i++)
            {
                if (reply.UnmanagedCounts[i] > 0)
                    unmanagedCounts![otherTypes[i]] = reply.UnmanagedCounts[i];
            }
            return reply.ModTimes;
        }
        if (counts.Count > 0)
            CountUnmanaged(otherTypes, results.Skip(2).ToList(), unmanagedCounts!);
        JsonElement modList = results[0].GetResultOrThrow();
        Dictionary<long, long> mods = new(modList.ValueKind == JsonValueKind.Array ? modList.GetArrayLength() : 0);
        foreach (JsonElement entry in modList.EnumerateArray())
        {
            if (entry.TryGetProperty("noteId"u8, out JsonElement id) && entry.TryGetProperty("mod"u8, out JsonElement mod))
                mods[id.GetInt64()] = mod.GetInt64();
        }
        return new AnkiModTimes(mods, DecksByCard(results[1].GetResultOrThrow()));
    }

    /// <summary>
    /// The managed notes, from the modification times already read: only notes that changed since the last sync (or
    /// may have, within the last recorded second), are new, or whose Markdown side changed are read in full, with two
    /// more requests; the others are known from the state.
    /// </summary>
    public async Task<IReadOnlyList<RemoteNote>> ReadNotesAsync(
        AnkiSnapshot snapshot,
        AnkiModTimes modTimes,
        IReadOnlyDictionary<string, ManagedNoteType> types,
        IReadOnlyDictionary<long, NoteSyncState> stateById,
        long ankiClock,
        Func<NoteSyncState, bool> markdownUnchanged,
        CancellationToken cancellationToken)
    {
        List<RemoteNote> notes = [];
        List<long> changed = [];
        foreach (long id in snapshot.ManagedNoteIds)
        {
            if (stateById.TryGetValue(id, out NoteSyncState? state) && state is { AnkiMod: > 0, Cards.Count: > 0 }
                && modTimes.Mods.TryGetValue(id, out long mod) && mod == state.AnkiMod && mod < ankiClock
                && modTimes.DeckByCard.TryGetValue(state.Cards[0], out string? deck) && types.ContainsKey(state.NoteTypeName) && markdownUnchanged(state))
            {
                notes.Add(RemoteNote.Unchanged(state, deck, mod));
            }
            else
            {
                changed.Add(id);
            }
        }
        if (changed.Count > 0)
            notes.AddRange(await ReadInFullAsync(changed, types, modTimes, cancellationToken));
        return notes;
    }

    private async Task<IEnumerable<RemoteNote>> ReadInFullAsync(IReadOnlyList<long> noteIds, IReadOnlyDictionary<string, ManagedNoteType> types,
        AnkiModTimes modTimes, CancellationToken cancellationToken)
    {
        IReadOnlyList<AnkiNoteInfo> infos = await client.NotesInfoAsync(noteIds, cancellationToken);
        List<AnkiNoteInfo> managed = [.. infos.Where(info => info.Cards.Count > 0 && types.ContainsKey(info.ModelName))];
        Dictionary<long, string> deckByCard = new(modTimes.DeckByCard);
        List<long> unknownDecks = [.. managed.Select(info => info.Cards[0]).Where(card => !deckByCard.ContainsKey(card))];
        if (unknownDecks.Count > 0)
        {
            // Cards added in Anki while this sync was reading.
            foreach ((string deck, IReadOnlyList<long> cards) in await client.GetDecksAsync(unknownDecks, cancellationToken))
            {
                foreach (long card in cards)
                    deckByCard[card] = deck;
            }
        }
        return managed.Select(info => ToRemoteNote(info, types[info.ModelName], deckByCard.GetValueOrDefault(info.Cards[0], "Default"),
            info.Mod ?? modTimes.Mods.GetValueOrDefault(info.NoteId)));
    }

    private static void CountUnmanaged(List<string> types, IReadOnlyList<AnkiActionResult> results, Dictionary<string, int> counts)
    {
        for (int i = 0; i < types.Count; i++)
        {
            if (results[i].Error is null && results[i].Result.ValueKind == JsonValueKind.Array && results[i].Result.GetArrayLength() is > 0 and int count)
                counts[types[i]] = count;
        }
    }

    private static List<long> Ids(AnkiActionResult result) => [.. result.GetResultOrThrow().EnumerateArray().Select(id => id.GetInt64())];

    private static Dictionary<long, string> DecksByCard(JsonElement decks)
    {
        Dictionary<long, string> deckByCard = [];
        foreach (JsonProperty deck in decks.EnumerateObject())
        {
            // JsonProperty.Name decodes a new string on every read: one per deck, not one per card.
            string name = deck.Name;
            foreach (JsonElement card in deck.Value.EnumerateArray())
                deckByCard[card.GetInt64()] = name;
        }
        return deckByCard;
    }

    /// <summary>An Anki search for every note of these types.</summary>
    public static string ManagedNotesQuery(IEnumerable<string> types) =>
        string.Join(" OR ", types.Order(StringComparer.Ordinal).Select(type => $"\"note:{EscapeSearchText(type)}\""));

    /// <summary>An Anki search for the notes whose hidden key field holds this key.</summary>
    public static string KeyQuery(string noteKey) => $"\"{NoteTypeDefinition.KeyFieldName}:{EscapeSearchText(noteKey)}\"";

    /// <summary>An Anki note of a managed type as a sync sees it.</summary>
    public static RemoteNote ToRemoteNote(AnkiNoteInfo info, ManagedNoteType type, string deckName, long mod)
    {
        string? key = info.GetField(NoteTypeDefinition.KeyFieldName)?.Trim();
        Dictionary<string, string> fields = new(type.SyncedFields.Count, StringComparer.Ordinal);
        foreach (string name in type.SyncedFields)
            fields[name] = info.GetField(name) ?? "";
        return RemoteNote.Read(info.NoteId, string.IsNullOrEmpty(key) ? null : key, info.ModelName, deckName, fields, info.Tags, info.Cards, mod);
    }

    // Anki's wildcards (* and _) are left as they are: they can only widen the search, and notes of other types are
    // filtered out after reading.
    private static string EscapeSearchText(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
