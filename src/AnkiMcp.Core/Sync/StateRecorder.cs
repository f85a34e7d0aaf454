using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Core.Sync;

/// <summary>Writes what a note looks like on both sides once the sync has brought them together.</summary>
internal sealed class StateRecorder(SyncStateTransaction transaction, IReadOnlyDictionary<string, NoteSyncState> stored, IReadOnlyDictionary<string, ManagedNoteType> types)
{
    /// <summary>Records a note whose changes all went through.</summary>
    /// <param name="decision">The note.</param>
    /// <param name="createdNoteId">The new Anki note id, when the note was just added to Anki.</param>
    /// <param name="markdownFingerprint">The fingerprint of the note as written to Markdown, when it was just written.</param>
    public void Record(NoteDecision decision, long? createdNoteId, string? markdownFingerprint = null)
    {
        if (decision.IsOpenConflict)
            return;
        if (decision.Has(SyncChangeKind.Delete, SyncSide.Anki) || decision.Has(SyncChangeKind.Delete, SyncSide.Markdown) || decision is { Local: null, Remote: null })
        {
            if (stored.ContainsKey(decision.Key))
                transaction.Remove(decision.Key);
            return;
        }

        string type = decision.Local?.NoteTypeName ?? decision.Remote!.NoteTypeName;
        string deck = decision.Local is null || decision.Has(SyncChangeKind.Move, SyncSide.Markdown) ? decision.Remote!.DeckName : decision.Local.DeckName;
        string ankiFingerprint = decision.Has(SyncChangeKind.Update, SyncSide.Anki) || decision.Has(SyncChangeKind.Create, SyncSide.Anki)
            ? NoteFingerprint.Compute(type, NoteConverter.ToAnkiFields(decision.Local!, types[type]), decision.Local!.Tags)
            : decision.Remote!.Fingerprint;
        // A note this run wrote to has a new modification time in Anki, unknown here: 0 makes the next sync read it once.
        bool written = decision.Has(SyncChangeKind.Update, SyncSide.Anki) || decision.Has(SyncChangeKind.Create, SyncSide.Anki) || decision.NeedsKeyInAnki;
        NoteSyncState next = new(
            decision.Key,
            decision.Remote?.NoteId ?? createdNoteId ?? throw new InvalidOperationException($"Note {decision.Key} has no Anki note id."),
            type,
            deck,
            markdownFingerprint ?? decision.Local!.Fingerprint,
            ankiFingerprint,
            written ? 0 : decision.Remote!.Mod,
            decision.Remote?.Cards ?? []);
        if (!stored.TryGetValue(decision.Key, out NoteSyncState? previous) || previous != next)
            transaction.Upsert(next);
    }
}
