using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Pushes a few new Markdown notes to Anki right after they were written (card creation), in one batched request
/// when the note types are current: decks and notes go in one <c>multi</c>. A note Anki already holds under its key
/// (an earlier push whose reply was lost) is linked, not added twice. Every note is read back before it is recorded
/// as synced: one that Anki holds otherwise than Markdown says is left for the next sync to compare. The whole folder is
/// checked as a sync checks it (any deck file error, a key used twice), reading through the caches of a long-running
/// process when given (which also keeps the state database open between pushes), and only the pushed notes' sync
/// state is read.
/// </summary>
internal sealed class NotePusher(string collectionDirectory, AnkiConnectClient client, CachedNoteTypes? noteTypes, DeckFileCache? deckFiles)
{
    public async Task<NotesPushResult> PushAsync(IReadOnlyCollection<string> noteKeys, CancellationToken cancellationToken)
    {
        using SyncStateStore store = SyncStateStore.Open(collectionDirectory, keepConnectionOpen: deckFiles is not null);
        IReadOnlyDictionary<string, NoteSyncState> state = store.LoadNotes(noteKeys);
        List<PushedNote> outcome = [];
        List<string> unsynced = [];
        foreach (string key in noteKeys.Distinct(StringComparer.Ordinal))
        {
            if (state.TryGetValue(key, out NoteSyncState? known))
                outcome.Add(new PushedNote(key, known.NoteId, null));
            else
                unsynced.Add(key);
        }
        if (unsynced.Count == 0)
            return Result(outcome);

        // Anki is asked first: a closed Anki ends the push at once, before the whole collection is read for nothing.
        IReadOnlyList<AnkiActionResult> lookup = await client.MultiAsync(
            [new AnkiAction("getActiveProfile"), new AnkiAction("modelNames"), .. unsynced.Select(key => new AnkiAction("findNotes", new { query = AnkiCollectionReader.KeyQuery(key) }))],
            cancellationToken);
        LocalCollection local = LocalCollection.Load(collectionDirectory, noteTypes, deckFiles);
        Dictionary<string, LocalNote> byKey = local.Notes.Where(note => note.Key is not null).ToDictionary(note => note.Key!, StringComparer.Ordinal);
        List<(LocalNote Note, AnkiActionResult Found)> toPush = [];
        for (int i = 0; i < unsynced.Count; i++)
        {
            if (byKey.TryGetValue(unsynced[i], out LocalNote? note))
                toPush.Add((note, lookup[i + 2]));
            else
                outcome.Add(new PushedNote(unsynced[i], null, "No note with this key in the collection's deck files."));
        }
        if (toPush.Count == 0)
            return Result(outcome);

        string profile = lookup[0].GetResultOrThrow().GetString() ?? "";
        if (store.ProfileName is { } recorded && recorded != profile)
        {
            return new NotesPushResult(PushStatus.Refused, [],
                $"Anki's active profile is '{profile}' but this collection belongs to '{recorded}'. Nothing was sent; the notes stay in Markdown. Switch profile in Anki, then sync.");
        }
        HashSet<string> modelNames = [.. lookup[1].GetResultOrThrow().EnumerateArray().Select(name => name.GetString()!)];

        using SyncStateTransaction transaction = store.BeginWrite();
        try
        {
            if (store.ProfileName is null)
                transaction.SetProfileName(profile);
            NoteTypeSynchronizer noteTypes = new(client);
            NoteTypePlan typePlan = await noteTypes.PlanAsync([.. local.Types.Values], modelNames, store.NoteTypeHash, cancellationToken);
            await noteTypes.ApplyAsync(typePlan, cancellationToken);
            transaction.SetNoteTypeHash(typePlan.Hash);

            List<NoteDecision> creates = [];
            Dictionary<NoteDecision, long> inAnki = [];
            foreach ((LocalNote note, AnkiActionResult found) in toPush)
            {
                NoteDecision decision = new(note.Key!, note, null, null,
                    [new SyncChange(SyncChangeKind.Create, SyncSide.Anki, note.DeckName, note.Key, note.NoteTypeName)]);
                long? existing = found.GetResultOrThrow().EnumerateArray().Select(id => (long?)id.GetInt64()).FirstOrDefault();
                if (existing is { } noteId)
                    inAnki[decision] = noteId;
                else
                    creates.Add(decision);
            }

            MediaSynchronizer media = new(client, collectionDirectory, local.Types);
            MediaPlan mediaPlan = await media.PlanAsync(creates, store.LoadPushedMedia(), cancellationToken);
            await media.UploadAsync(mediaPlan, transaction, cancellationToken);
            await AddAsync(creates, local.Types, inAnki, outcome, cancellationToken);
            await RecordWhatAnkiHoldsAsync(inAnki, local.Types, transaction, outcome, cancellationToken);
        }
        finally
        {
            transaction.Commit();
        }
        return Result(outcome);
    }

    private async Task AddAsync(List<NoteDecision> creates, IReadOnlyDictionary<string, ManagedNoteType> types, Dictionary<NoteDecision, long> added, List<PushedNote> outcome, CancellationToken cancellationToken)
    {
        if (creates.Count == 0)
            return;
        AnkiChangeApplier applier = new(client, types, progress: null);
        List<AnkiAction> actions = [.. creates.Select(decision => decision.Local!.DeckName).Distinct(StringComparer.Ordinal).Select(deck => new AnkiAction("createDeck", new { deck }))];
        actions.Add(new AnkiAction("addNotes", new
        {
            notes = creates.Select(decision => new
            {
                deckName = decision.Local!.DeckName,
                modelName = decision.Local.NoteTypeName,
                fields = applier.AnkiFields(decision.Local, decision.Key),
                tags = decision.Local.Tags,
                options = new { allowDuplicate = true },
            }).ToList(),
        }));
        IReadOnlyList<AnkiActionResult> results = await client.MultiAsync(actions, cancellationToken);
        AnkiActionResult addNotes = results[^1];
        if (addNotes.Error is null && addNotes.Result.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement id in addNotes.Result.EnumerateArray())
            {
                NoteDecision decision = creates[index++];
                if (id.ValueKind == JsonValueKind.Number)
                    added[decision] = id.GetInt64();
                else
                {
                    outcome.Add(new PushedNote(decision.Key, null, "Anki did not add this note; it stays in Markdown and is retried at the next sync."));
                }
            }
            return;
        }

        // Anki refused the batch as a whole (current AnkiConnect adds all or none): add note by note to learn which.
        Dictionary<NoteDecision, long?> done = [];
        IReadOnlyList<string> warnings = await applier.ApplyAsync(creates, (decision, noteId) => done[decision] = noteId, cancellationToken);
        foreach (NoteDecision decision in creates)
        {
            if (done.TryGetValue(decision, out long? noteId) && noteId is { } id)
                added[decision] = id;
            else
            {
                string reason = warnings.FirstOrDefault(warning => warning.Contains($"{decision.Local!.File}:{decision.Local.Line}:", StringComparison.Ordinal))
                    ?? addNotes.Error ?? "Anki did not add this note.";
                outcome.Add(new PushedNote(decision.Key, null, reason));
            }
        }
    }

    // A note recorded as synced must be what Anki holds: otherwise the next sync would take Anki's copy for an edit
    // made there, or call the two sides in step when they are not.
    private async Task RecordWhatAnkiHoldsAsync(Dictionary<NoteDecision, long> inAnki, IReadOnlyDictionary<string, ManagedNoteType> types,
        SyncStateTransaction transaction, List<PushedNote> outcome, CancellationToken cancellationToken)
    {
        Dictionary<NoteDecision, RemoteNote> readBack = await new WriteVerifier(client, types).ReadBackAsync(inAnki, cancellationToken);
        StateRecorder recorder = new(transaction, new Dictionary<string, NoteSyncState>());
        foreach ((NoteDecision decision, long noteId) in inAnki)
        {
            if (readBack.TryGetValue(decision, out RemoteNote? held))
            {
                recorder.Record(decision, held);
                outcome.Add(new PushedNote(decision.Key, noteId, null));
            }
            else
            {
                outcome.Add(new PushedNote(decision.Key, null,
                    "Read back, Anki does not hold this note as its deck file has it (an older copy under the same key, or a write Anki dropped). It is not recorded as synced and nothing was overwritten: run sync to compare the two sides."));
            }
        }
    }

    private static NotesPushResult Result(List<PushedNote> notes)
    {
        int pushed = notes.Count(note => note.NoteId is not null);
        return pushed == notes.Count
            ? new NotesPushResult(PushStatus.Pushed, notes, $"{pushed} note{(pushed == 1 ? " is" : "s are")} in Anki.")
            : new NotesPushResult(PushStatus.PartlyPushed, notes,
                $"{pushed} of {notes.Count} notes are in Anki; the others stay in Markdown (see each note's error) and go with the next sync once fixed.");
    }
}
