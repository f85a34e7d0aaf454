namespace AnkiMcp.Core.Sync;

/// <summary>
/// Decides, for every managed note, what a sync run does: it matches the Markdown notes, the Anki notes and the
/// state of the last sync by key, tells a change on each side from no change by the stored fingerprints, and
/// stops the run when it would be unsafe (duplicate keys, too many deletes). It changes nothing itself.
/// </summary>
/// <param name="direction">Which side is made to match which.</param>
/// <param name="options">Conflict preference and delete thresholds.</param>
/// <param name="sameContent">Whether a Markdown note and an Anki note hold the same content (after conversion).</param>
/// <param name="newKey">Makes a fresh note key.</param>
/// <param name="conflictFileExists">Whether <c>conflicts/&lt;key&gt;.md</c> exists: while it does, the note's conflict stays open.</param>
internal sealed class SyncPlanner(SyncDirection direction, SyncOptions options, Func<LocalNote, RemoteNote, bool> sameContent, Func<string> newKey,
    Func<string, bool>? conflictFileExists = null)
{
    private readonly HashSet<string> _preferenceUsed = new(StringComparer.Ordinal);

    public PlannedNotes Plan(IReadOnlyList<LocalNote> local, IReadOnlyList<RemoteNote> remote, IReadOnlyDictionary<string, NoteSyncState> state)
    {
        Dictionary<string, LocalNote> localByKey = IndexLocal(local);
        (Dictionary<string, RemoteNote> remoteByKey, List<RemoteNote> keylessRemote) = IndexRemote(remote, state);
        List<string> warnings = [];
        List<NoteDecision> decisions = [];

        foreach (string key in localByKey.Keys.Concat(remoteByKey.Keys).Concat(state.Keys).Distinct(StringComparer.Ordinal))
        {
            LocalNote? localNote = localByKey.GetValueOrDefault(key);
            RemoteNote? remoteNote = remoteByKey.GetValueOrDefault(key);
            NoteSyncState? noteState = state.GetValueOrDefault(key);
            if (noteState is not null && remoteNote is not null && noteState.NoteId != remoteNote.NoteId)
                noteState = null;
            if (localNote is null && remoteNote is null)
                decisions.Add(new NoteDecision(key, null, null, noteState, []));
            else if (Decide(key, localNote, remoteNote, noteState, warnings) is { } decision)
                decisions.Add(decision);
        }
        foreach (LocalNote localNote in local.Where(note => note.Key is null))
            decisions.Add(Decide(newKey(), localNote, null, null, warnings)!);
        foreach (RemoteNote remoteNote in keylessRemote)
            decisions.Add(Decide(newKey(), null, remoteNote, null, warnings)!);

        foreach (string key in options.PreferByKey.Keys.Where(key => !_preferenceUsed.Contains(key)).Order(StringComparer.Ordinal))
            warnings.Add($"--prefer {options.PreferByKey[key].ToString().ToLowerInvariant()}:{key}: note {key} has no conflict to settle; nothing was done for it.");
        PlannedNotes planned = new(decisions, warnings);
        if (!options.AllowDeletes)
            CheckDeleteThreshold(planned, local, remote);
        return planned;
    }

    private NoteDecision? Decide(string key, LocalNote? local, RemoteNote? remote, NoteSyncState? state, List<string> warnings)
    {
        List<SyncChange> changes = [];
        if (local is not null && remote is not null)
        {
            if (!string.Equals(local.NoteTypeName, remote.NoteTypeName, StringComparison.Ordinal))
            {
                warnings.Add($"{local.File}:{local.Line}: note {key} is a {local.NoteTypeName} in Markdown but a {remote.NoteTypeName} in Anki; "
                    + "AnkiMcp cannot convert notes between types. Skipped: give it back its type, or delete it on one side and sync.");
                return null;
            }
            DecideContent(key, local, remote, state, changes);
            DecideDeck(key, local, remote, state, changes);
        }
        else if (local is not null)
        {
            DecideMissingInAnki(key, local, state, changes, warnings);
        }
        else if (remote is not null)
        {
            DecideMissingInMarkdown(key, remote, state, changes, warnings);
        }
        return new NoteDecision(key, local, remote, state, changes);
    }

    private void DecideContent(string key, LocalNote local, RemoteNote remote, NoteSyncState? state, List<SyncChange> changes)
    {
        bool markdownChanged = state is null || state.MarkdownFingerprint != local.Fingerprint;
        bool ankiChanged = state is null || state.AnkiFingerprint != remote.Fingerprint;
        if (!(markdownChanged || ankiChanged) || sameContent(local, remote))
            return;

        bool twoWay = direction == SyncDirection.TwoWay;
        bool conflictOpen = twoWay && conflictFileExists?.Invoke(key) == true;
        bool handMerged = twoWay && !conflictOpen && !ankiChanged && state?.MarkdownFingerprint == NoteSyncState.UnsettledMarkdown;
        bool bothChanged = twoWay && (conflictOpen || (markdownChanged && ankiChanged && !handMerged));
        ConflictPreference prefer = options.PreferenceFor(key);
        if (bothChanged)
            _preferenceUsed.Add(key);
        SyncSide? target = direction switch
        {
            SyncDirection.MarkdownToAnki => SyncSide.Anki,
            SyncDirection.AnkiToMarkdown => SyncSide.Markdown,
            _ when !bothChanged && !ankiChanged => SyncSide.Anki,
            _ when !bothChanged => SyncSide.Markdown,
            _ => prefer switch
            {
                ConflictPreference.Markdown => SyncSide.Anki,
                ConflictPreference.Anki => SyncSide.Markdown,
                _ => null,
            },
        };
        string deck = target == SyncSide.Markdown ? remote.DeckName : local.DeckName;
        if (target is null)
        {
            changes.Add(new SyncChange(SyncChangeKind.Conflict, SyncSide.Markdown, local.DeckName, key, local.NoteTypeName,
                $"changed in Markdown and in Anki; both kept: yours in {local.File}:{local.Line}, Anki's in {ConflictFiles.RelativePath(key)}. "
                + $"Settle it by editing the note in {local.File} and deleting {ConflictFiles.RelativePath(key)}, or with --prefer markdown:{key} or --prefer anki:{key}."));
            return;
        }
        string? detail = handMerged ? $"settled by hand ({ConflictFiles.RelativePath(key)} deleted): the Markdown version goes to Anki"
            : bothChanged ? $"changed on both sides; the {(target == SyncSide.Anki ? "Markdown" : "Anki")} version wins (--prefer)"
            : null;
        changes.Add(new SyncChange(SyncChangeKind.Update, target.Value, deck, key, local.NoteTypeName, detail));
    }

    private void DecideDeck(string key, LocalNote local, RemoteNote remote, NoteSyncState? state, List<SyncChange> changes)
    {
        if (string.Equals(local.DeckName, remote.DeckName, StringComparison.Ordinal))
            return;
        SyncSide target = direction switch
        {
            SyncDirection.MarkdownToAnki => SyncSide.Anki,
            SyncDirection.AnkiToMarkdown => SyncSide.Markdown,
            _ when state is not null && local.DeckName == state.DeckName => SyncSide.Markdown,
            _ when state is not null && remote.DeckName == state.DeckName => SyncSide.Anki,
            _ => options.Prefer == ConflictPreference.Anki ? SyncSide.Markdown : SyncSide.Anki,
        };
        (string to, string from) = target == SyncSide.Anki ? (local.DeckName, remote.DeckName) : (remote.DeckName, local.DeckName);
        changes.Add(new SyncChange(SyncChangeKind.Move, target, to, key, local.NoteTypeName, $"from {from}"));
    }

    private void DecideMissingInAnki(string key, LocalNote local, NoteSyncState? state, List<SyncChange> changes, List<string> warnings)
    {
        if (state is null)
        {
            if (direction == SyncDirection.AnkiToMarkdown)
                warnings.Add($"{local.File}:{local.Line}: this note is not in Anki yet; markdown-to-anki or sync adds it.");
            else
                changes.Add(new SyncChange(SyncChangeKind.Create, SyncSide.Anki, local.DeckName, key, local.NoteTypeName));
            return;
        }
        bool recreate = direction switch
        {
            SyncDirection.MarkdownToAnki => true,
            SyncDirection.AnkiToMarkdown => false,
            _ => state.MarkdownFingerprint != local.Fingerprint,
        };
        changes.Add(recreate
            ? new SyncChange(SyncChangeKind.Create, SyncSide.Anki, local.DeckName, key, local.NoteTypeName,
                direction == SyncDirection.TwoWay ? "deleted in Anki but edited in Markdown: added again" : "deleted in Anki: added again")
            : new SyncChange(SyncChangeKind.Delete, SyncSide.Markdown, local.DeckName, key, local.NoteTypeName, "deleted in Anki"));
    }

    private void DecideMissingInMarkdown(string key, RemoteNote remote, NoteSyncState? state, List<SyncChange> changes, List<string> warnings)
    {
        bool restore;
        if (state is null)
        {
            if (direction == SyncDirection.MarkdownToAnki && remote.EmbeddedKey is null)
            {
                warnings.Add($"Anki note {remote.NoteId} ({remote.NoteTypeName} in {remote.DeckName}) has no key and is not in Markdown; "
                    + "left alone. anki-to-markdown or sync brings it into the folder.");
                return;
            }
            restore = direction != SyncDirection.MarkdownToAnki;
        }
        else
        {
            restore = direction switch
            {
                SyncDirection.MarkdownToAnki => false,
                SyncDirection.AnkiToMarkdown => true,
                _ => state.AnkiFingerprint != remote.Fingerprint,
            };
        }
        string? detail = state is null ? null
            : restore ? (direction == SyncDirection.TwoWay ? "deleted in Markdown but edited in Anki: restored" : "deleted in Markdown: restored")
            : "deleted in Markdown";
        changes.Add(restore
            ? new SyncChange(SyncChangeKind.Create, SyncSide.Markdown, remote.DeckName, key, remote.NoteTypeName, detail)
            : new SyncChange(SyncChangeKind.Delete, SyncSide.Anki, remote.DeckName, key, remote.NoteTypeName, detail));
    }

    private void CheckDeleteThreshold(PlannedNotes planned, IReadOnlyList<LocalNote> local, IReadOnlyList<RemoteNote> remote)
    {
        Dictionary<string, int> localSizes = local.CountBy(note => note.DeckName, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        Dictionary<string, int> remoteSizes = remote.CountBy(note => note.DeckName, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        List<string> refusals = [];
        foreach (IGrouping<(SyncSide Target, string Deck), SyncChange> group in planned.Changes
            .Where(change => change.Kind == SyncChangeKind.Delete)
            .GroupBy(change => (change.Target, Deck: change.DeckName)))
        {
            int deletes = group.Count();
            int size = (group.Key.Target == SyncSide.Anki ? remoteSizes : localSizes).GetValueOrDefault(group.Key.Deck);
            if (deletes > options.DeleteCountThreshold && deletes > options.DeleteShareThreshold * size)
                refusals.Add($"{deletes} of {size} notes in deck '{group.Key.Deck}' would be deleted from {(group.Key.Target == SyncSide.Anki ? "Anki" : "Markdown")}");
        }
        if (refusals.Count > 0)
        {
            throw new SyncRefusedException(
                $"This sync would delete more than {options.DeleteShareThreshold:P0} (and more than {options.DeleteCountThreshold}) of a deck's notes:"
                + Environment.NewLine + string.Join(Environment.NewLine, refusals.Select(line => "  " + line))
                + Environment.NewLine + "Nothing was changed. Check with --dry-run; if these deletes are what you want, run again with --allow-deletes.");
        }
    }

    private static Dictionary<string, LocalNote> IndexLocal(IReadOnlyList<LocalNote> local)
    {
        Dictionary<string, LocalNote> byKey = new(StringComparer.Ordinal);
        List<string> duplicates = [];
        foreach (LocalNote note in local.Where(note => note.Key is not null))
        {
            if (!byKey.TryAdd(note.Key!, note))
            {
                LocalNote first = byKey[note.Key!];
                duplicates.Add($"{note.File}:{note.Line}: note key {note.Key} is already used at {first.File}:{first.Line}");
            }
        }
        if (duplicates.Count > 0)
        {
            throw new SyncRefusedException(string.Join(Environment.NewLine, duplicates) + Environment.NewLine
                + "Each note needs its own key. If a note was copied, delete the note_key comment of the copy (it gets a new key). Nothing was changed.");
        }
        return byKey;
    }

    private static (Dictionary<string, RemoteNote> ByKey, List<RemoteNote> Keyless) IndexRemote(IReadOnlyList<RemoteNote> remote, IReadOnlyDictionary<string, NoteSyncState> state)
    {
        Dictionary<string, RemoteNote> byKey = new(StringComparer.Ordinal);
        List<string> duplicates = [];
        foreach (RemoteNote note in remote.Where(note => note.EmbeddedKey is not null))
        {
            if (!byKey.TryAdd(note.EmbeddedKey!, note))
                duplicates.Add($"Anki notes {byKey[note.EmbeddedKey!].NoteId} and {note.NoteId} both carry AnkiOps Key {note.EmbeddedKey}");
        }
        if (duplicates.Count > 0)
        {
            throw new SyncRefusedException(string.Join(Environment.NewLine, duplicates) + Environment.NewLine
                + "In Anki's browser search for \"AnkiOps Key:<key>\" and delete the extra note (or clear its AnkiOps Key field), then sync again. Nothing was changed.");
        }

        Dictionary<long, string> keyById = state.Values.ToDictionary(note => note.NoteId, note => note.NoteKey);
        List<RemoteNote> keyless = [];
        foreach (RemoteNote note in remote.Where(note => note.EmbeddedKey is null))
        {
            if (keyById.TryGetValue(note.NoteId, out string? key) && byKey.TryAdd(key, note))
                continue;
            keyless.Add(note);
        }
        return (byKey, keyless);
    }
}
