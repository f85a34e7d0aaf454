using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.NoteTypes;

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
            actions.Add((AnkiAction.Ids("deleteNotes", "notes", [.. deletes.Select(decision => decision.Remote!.NoteId)]), deletes));

        foreach (IGrouping<string, NoteDecision> move in decisions
            .Where(decision => decision.Has(SyncChangeKind.Move, SyncSide.Anki))
            .GroupBy(decision => decision.Local!.DeckName, StringComparer.Ordinal))
        {
            actions.Add((AnkiAction.ChangeDeck([.. move.SelectMany(decision => decision.Remote!.Cards)], move.Key), [.. move]));
        }

        foreach (string deck in decisions.Where(decision => decision.Has(SyncChangeKind.Create, SyncSide.Anki)).Select(decision => decision.Local!.DeckName).Distinct(StringComparer.Ordinal))
            actions.Add((AnkiAction.CreateDeck(deck), []));

        foreach (NoteDecision decision in decisions.Where(decision => decision.Remote is not null && !decision.Has(SyncChangeKind.Delete, SyncSide.Anki)))
        {
            Dictionary<string, string>? fields = decision.Has(SyncChangeKind.Update, SyncSide.Anki) ? AnkiFields(decision.Local!, decision.Key)
                : decision.NeedsKeyInAnki ? new Dictionary<string, string> { [NoteTypeDefinition.KeyFieldName] = decision.Key }
                : null;
            if (fields is null)
                continue;
            actions.Add((AnkiAction.UpdateNote(decision.Remote!.NoteId, fields, decision.Has(SyncChangeKind.Update, SyncSide.Anki) ? decision.Local!.Tags : null), [decision]));
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
            List<AnkiNewNote> notes = [.. batch.Select(NewNote)];
            AnkiAddNotesResult result = await client.AddNotesAsync(notes, cancellationToken);
            if (result.Errors.Count > 0)
            {
                // Current AnkiConnect adds all notes or none: find the ones Anki refuses, report them, add the rest.
                IReadOnlyList<AnkiCanAddResult> verdicts = await client.CanAddNotesWithErrorDetailAsync(notes, cancellationToken);
                for (int i = 0; i < batch.Count; i++)
                {
                    if (!verdicts[i].CanAdd)
                        warnings.Add($"{batch[i].Local!.File}:{batch[i].Local!.Line}: Anki refused this note ({verdicts[i].Error}). Fix it and sync again.");
                }
                batch = [.. batch.Where((_, i) => verdicts[i].CanAdd)];
                notes = [.. notes.Where((_, i) => verdicts[i].CanAdd)];
                result = notes.Count > 0 ? await client.AddNotesAsync(notes, cancellationToken) : new AnkiAddNotesResult([], []);
            }
            for (int i = 0; i < batch.Count; i++)
            {
                if (i < result.NoteIds.Count && result.NoteIds[i] is { } id)
                    onDone(batch[i], id);
                else
                    warnings.Add($"{batch[i].Local!.File}:{batch[i].Local!.Line}: Anki did not add this note{(result.Errors.Count > 0 ? $" ({string.Join("; ", result.Errors)})" : "")}. It is retried at the next sync.");
            }
            added += chunk.Length;
            progress?.Report(new SyncProgress("Adding notes to Anki", added, creates.Count));
        }
    }

    /// <summary>The Anki note to add for a Markdown note. Duplicates of a first field are allowed: two Markdown notes may
    /// share a question and still be different notes.</summary>
    public AnkiNewNote NewNote(NoteDecision decision) =>
        new(decision.Local!.DeckName, decision.Local.NoteTypeName, AnkiFields(decision.Local, decision.Key), decision.Local.Tags) { AllowDuplicate = true };

    private static string Describe(List<NoteDecision> decisions) =>
        decisions.Count == 0 ? "a deck" : decisions.Count == 1 ? $"note {decisions[0].Key}" : $"{decisions.Count} notes";
}
