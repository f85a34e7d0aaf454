using System.Text.Json;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Makes the planned changes in Anki with bulk requests: one <c>multi</c> per 500 updates, moves, deletes and key
/// fields, then <c>addNotes</c> in chunks. Each note is reported done only once every action it needed succeeded, so
/// the state records exactly what reached Anki.
/// </summary>
internal sealed class AnkiChangeApplier(AnkiConnectClient client, IReadOnlyDictionary<string, ManagedNoteType> types, IProgress<SyncProgress>? progress)
{
    private const int ActionsPerRequest = 500;
    private const int NotesPerAddRequest = 2000;

    /// <summary>Applies the Anki side of the decisions; <paramref name="onDone"/> receives each note whose Anki changes all succeeded.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<NoteDecision> decisions, Action<NoteDecision, long?> onDone, CancellationToken cancellationToken)
    {
        List<string> warnings = [];
        await MutateAsync(decisions, onDone, warnings, cancellationToken);
        await CreateAsync([.. decisions.Where(decision => decision.Has(SyncChangeKind.Create, SyncSide.Anki))], onDone, warnings, cancellationToken);
        return warnings;
    }

    /// <summary>The Anki fields of a Markdown note, key included.</summary>
    public Dictionary<string, string> AnkiFields(LocalNote note, string key)
    {
        Dictionary<string, string> fields = NoteConverter.ToAnkiFields(note, types[note.NoteTypeName]);
        fields[NoteTypeDefinition.KeyFieldName] = key;
        return fields;
    }

    private async Task MutateAsync(IReadOnlyList<NoteDecision> decisions, Action<NoteDecision, long?> onDone, List<string> warnings, CancellationToken cancellationToken)
    {
        List<(AnkiAction Action, List<NoteDecision> Serves)> actions = [];
        List<NoteDecision> deletes = [.. decisions.Where(decision => decision.Has(SyncChangeKind.Delete, SyncSide.Anki))];
        if (deletes.Count > 0)
            actions.Add((new AnkiAction("deleteNotes", new { notes = deletes.Select(decision => decision.Remote!.NoteId).ToList() }), deletes));

        foreach (IGrouping<string, NoteDecision> move in decisions
            .Where(decision => decision.Has(SyncChangeKind.Move, SyncSide.Anki))
            .GroupBy(decision => decision.Local!.DeckName, StringComparer.Ordinal))
        {
            actions.Add((new AnkiAction("changeDeck", new { cards = move.SelectMany(decision => decision.Remote!.Cards).ToList(), deck = move.Key }), [.. move]));
        }

        foreach (string deck in decisions.Where(decision => decision.Has(SyncChangeKind.Create, SyncSide.Anki)).Select(decision => decision.Local!.DeckName).Distinct(StringComparer.Ordinal))
            actions.Add((new AnkiAction("createDeck", new { deck }), []));

        foreach (NoteDecision decision in decisions.Where(decision => decision.Remote is not null && !decision.Has(SyncChangeKind.Delete, SyncSide.Anki)))
        {
            Dictionary<string, string>? fields = decision.Has(SyncChangeKind.Update, SyncSide.Anki) ? AnkiFields(decision.Local!, decision.Key)
                : decision.NeedsKeyInAnki ? new Dictionary<string, string> { [NoteTypeDefinition.KeyFieldName] = decision.Key }
                : null;
            if (fields is null)
                continue;
            object note = decision.Has(SyncChangeKind.Update, SyncSide.Anki)
                ? new { id = decision.Remote!.NoteId, fields, tags = decision.Local!.Tags }
                : new { id = decision.Remote!.NoteId, fields };
            actions.Add((new AnkiAction("updateNote", new { note }), [decision]));
        }

        Dictionary<NoteDecision, int> pending = [];
        foreach ((AnkiAction _, List<NoteDecision> serves) in actions)
        {
            foreach (NoteDecision decision in serves)
                pending[decision] = pending.GetValueOrDefault(decision) + 1;
        }
        foreach (NoteDecision decision in decisions.Where(decision => !pending.ContainsKey(decision) && !decision.Has(SyncChangeKind.Create, SyncSide.Anki)))
            onDone(decision, null);

        int sent = 0;
        foreach ((AnkiAction Action, List<NoteDecision> Serves)[] chunk in actions.Chunk(ActionsPerRequest))
        {
            IReadOnlyList<AnkiActionResult> results = await client.MultiAsync([.. chunk.Select(item => item.Action)], cancellationToken);
            for (int i = 0; i < chunk.Length; i++)
            {
                if (results[i].Error is { } error)
                {
                    warnings.Add($"Anki refused {chunk[i].Action.Action} for {Describe(chunk[i].Serves)}: {error}. Those notes are retried at the next sync.");
                    foreach (NoteDecision decision in chunk[i].Serves)
                        pending[decision] = int.MinValue;
                    continue;
                }
                foreach (NoteDecision decision in chunk[i].Serves)
                {
                    if (--pending[decision] == 0 && !decision.Has(SyncChangeKind.Create, SyncSide.Anki))
                        onDone(decision, null);
                }
            }
            sent += chunk.Length;
            progress?.Report(new SyncProgress("Updating Anki", sent, actions.Count));
        }
    }

    private async Task CreateAsync(List<NoteDecision> creates, Action<NoteDecision, long?> onDone, List<string> warnings, CancellationToken cancellationToken)
    {
        int added = 0;
        foreach (NoteDecision[] chunk in creates.Chunk(NotesPerAddRequest))
        {
            List<NoteDecision> batch = [.. chunk];
            List<AnkiNewNote> notes = [.. batch.Select(decision => new AnkiNewNote(
                decision.Local!.DeckName, decision.Local.NoteTypeName, AnkiFields(decision.Local, decision.Key), decision.Local.Tags))];
            IReadOnlyList<long?> ids;
            try
            {
                ids = await client.AddNotesAsync(notes, cancellationToken);
            }
            catch (AnkiConnectException)
            {
                // Current AnkiConnect adds all notes or none; find the ones Anki refuses, report them, add the rest.
                (batch, notes) = await DropRefusedAsync(batch, notes, warnings, cancellationToken);
                ids = notes.Count > 0 ? await client.AddNotesAsync(notes, cancellationToken) : [];
            }
            for (int i = 0; i < batch.Count; i++)
            {
                if (ids[i] is { } id)
                    onDone(batch[i], id);
                else
                    warnings.Add($"{batch[i].Local!.File}:{batch[i].Local!.Line}: Anki did not add this note. It is retried at the next sync.");
            }
            added += chunk.Length;
            progress?.Report(new SyncProgress("Adding notes to Anki", added, creates.Count));
        }
    }

    private async Task<(List<NoteDecision>, List<AnkiNewNote>)> DropRefusedAsync(List<NoteDecision> batch, List<AnkiNewNote> notes, List<string> warnings, CancellationToken cancellationToken)
    {
        JsonElement verdicts = await client.InvokeAsync("canAddNotesWithErrorDetail", new { notes = notes.Select(ToWire).ToList() }, cancellationToken);
        List<NoteDecision> keptDecisions = [];
        List<AnkiNewNote> keptNotes = [];
        int index = 0;
        foreach (JsonElement verdict in verdicts.EnumerateArray())
        {
            if (verdict.GetProperty("canAdd").GetBoolean())
            {
                keptDecisions.Add(batch[index]);
                keptNotes.Add(notes[index]);
            }
            else
            {
                LocalNote local = batch[index].Local!;
                string reason = verdict.TryGetProperty("error", out JsonElement error) ? error.GetString() ?? "refused" : "refused";
                warnings.Add($"{local.File}:{local.Line}: Anki refused this note ({reason}). Fix it and sync again.");
            }
            index++;
        }
        return (keptDecisions, keptNotes);
    }

    private static object ToWire(AnkiNewNote note) =>
        new { deckName = note.DeckName, modelName = note.ModelName, fields = note.Fields, tags = note.Tags, options = new { allowDuplicate = true } };

    private static string Describe(List<NoteDecision> decisions) =>
        decisions.Count == 0 ? "a deck" : decisions.Count == 1 ? $"note {decisions[0].Key}" : $"{decisions.Count} notes";
}
