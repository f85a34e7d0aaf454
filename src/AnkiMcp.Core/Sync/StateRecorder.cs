namespace AnkiMcp.Core.Sync;

/// <summary>Writes what a note looks like on both sides once the sync has brought them together.</summary>
internal sealed class StateRecorder(SyncStateTransaction transaction, IReadOnlyDictionary<string, NoteSyncState> stored)
{
    /// <summary>Records a note whose changes all went through.</summary>
    /// <param name="decision">The note.</param>
    /// <param name="inAnki">The note as read back from Anki after this run wrote it; null when the run did not write it.</param>
    /// <param name="markdownFingerprint">The fingerprint of the note as written to Markdown, when it was just written.</param>
    public void Record(NoteDecision decision, RemoteNote? inAnki, string? markdownFingerprint = null)
    {
        if (decision.IsOpenConflict)
        {
            // Anki's version (kept in conflicts/) becomes the Anki side's reference: once the person deletes the conflict
            // file, their Markdown goes to Anki, unless Anki changed again meanwhile (then it is a new conflict).
            RemoteNote kept = decision.Remote!;
            transaction.Upsert(new NoteSyncState(decision.Key, kept.NoteId, kept.NoteTypeName, decision.State?.DeckName ?? decision.Local!.DeckName,
                NoteSyncState.UnsettledMarkdown, kept.Fingerprint, kept.Mod, kept.Cards));
            return;
        }
        if (decision.Has(SyncChangeKind.Delete, SyncSide.Anki) || decision.Has(SyncChangeKind.Delete, SyncSide.Markdown) || decision is { Local: null, Remote: null })
        {
            if (stored.ContainsKey(decision.Key))
                transaction.Remove(decision.Key);
            return;
        }

        RemoteNote anki = inAnki ?? decision.Remote ?? throw new InvalidOperationException($"Note {decision.Key} was written to Anki but not read back.");
        string deck = decision.Local is null || decision.Has(SyncChangeKind.Move, SyncSide.Markdown) ? decision.Remote!.DeckName : decision.Local.DeckName;
        NoteSyncState next = new(
            decision.Key,
            anki.NoteId,
            anki.NoteTypeName,
            deck,
            markdownFingerprint ?? decision.Local!.Fingerprint,
            anki.Fingerprint,
            anki.Mod,
            anki.Cards);
        if (!stored.TryGetValue(decision.Key, out NoteSyncState? previous) || previous != next)
            transaction.Upsert(next);
    }
}
