using System.Text;
using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Reads back the notes a run wrote to Anki and tells the writes Anki kept from those it dropped
/// without an error (a note shown in an editor, FooSoft/anki-connect #82). Only a kept write may be recorded as synced.
/// </summary>
internal sealed class WriteVerifier(AnkiConnectClient client, IReadOnlyDictionary<string, ManagedNoteType> types)
{
    // As many as one addNotes request carries: a first import of 10,000 notes reads them back in 5 requests.
    private const int NotesPerRequest = 2000;

    /// <summary>Whether the decision writes the note's fields or tags in Anki (and so needs reading back).</summary>
    public static bool WritesNote(NoteDecision decision) => WritesFields(decision) || decision.NeedsKeyInAnki;

    /// <summary>The written notes as Anki holds them now, for those whose write landed; the others are left out.</summary>
    public async Task<Dictionary<NoteDecision, RemoteNote>> ReadBackAsync(IReadOnlyDictionary<NoteDecision, long> written, CancellationToken cancellationToken)
    {
        Dictionary<NoteDecision, RemoteNote> landed = new(written.Count);
        if (written.Count == 0)
            return landed;
        // A first import reads back thousands of notes, in parts: while Anki answers for one part, the part before is
        // compared and fingerprinted here (on every core), so Anki's time and this tool's overlap instead of adding up.
        Dictionary<long, NoteDecision> writers = new(written.Count);
        foreach ((NoteDecision decision, long noteId) in written)
            writers.TryAdd(noteId, decision);
        KeyValuePair<NoteDecision, long>[] notes = [.. written];
        RemoteNote?[] kept = new RemoteNote?[notes.Length];
        Task<Dictionary<long, AnkiNoteInfo>> reading = ReadPartAsync(notes, 0, writers, cancellationToken);
        for (int start = 0; start < notes.Length; start += NotesPerRequest)
        {
            Dictionary<long, AnkiNoteInfo> infos = await reading;
            int next = start + NotesPerRequest;
            if (next < notes.Length)
                reading = Task.Run(() => ReadPartAsync(notes, next, writers, cancellationToken), cancellationToken);
            Parallel.For(start, Math.Min(next, notes.Length), i =>
            {
                (NoteDecision decision, long noteId) = notes[i];
                if (infos.TryGetValue(noteId, out AnkiNoteInfo? info) && types.TryGetValue(info.ModelName, out ManagedNoteType? type) && Holds(decision, info, type))
                    kept[i] = AnkiCollectionReader.ToRemoteNote(info, type, decision.Local?.DeckName ?? decision.Remote!.DeckName, info.Mod ?? 0);
            });
        }
        for (int i = 0; i < notes.Length; i++)
        {
            if (kept[i] is { } note)
                landed[notes[i].Key] = note;
        }
        return landed;
    }

    private async Task<Dictionary<long, AnkiNoteInfo>> ReadPartAsync(
        KeyValuePair<NoteDecision, long>[] notes, int start, Dictionary<long, NoteDecision> writers, CancellationToken cancellationToken)
    {
        HashSet<long> ids = new(Math.Min(NotesPerRequest, notes.Length - start));
        for (int i = start; i < notes.Length && i < start + NotesPerRequest; i++)
            ids.Add(notes[i].Value);
        // Values read back as they were sent are those same strings, not copies (MB at a first import).
        IReadOnlyList<AnkiNoteInfo> read = await client.NotesInfoAsync(ids,
            noteId => writers.TryGetValue(noteId, out NoteDecision? writer) && WritesFields(writer) && types.TryGetValue(writer.Local!.NoteTypeName, out ManagedNoteType? type)
                ? NoteConverter.AnkiHtml(writer.Local, type)
                : null,
            cancellationToken);
        Dictionary<long, AnkiNoteInfo> infos = new(read.Count);
        foreach (AnkiNoteInfo info in read)
            infos.TryAdd(info.NoteId, info);
        return infos;
    }

    // Anki stores text NFC-normalised and may give a tag the case it already knows: neither is a lost write.
    private static bool Holds(NoteDecision decision, AnkiNoteInfo info, ManagedNoteType type)
    {
        if (!SameText(info.GetField(NoteTypeDefinition.KeyFieldName)?.Trim() ?? "", decision.Key))
            return false;
        if (!WritesFields(decision))
            return true;
        foreach ((string name, string html) in NoteConverter.AnkiHtml(decision.Local!, type))
        {
            if (!SameText(info.GetField(name) ?? "", html))
                return false;
        }
        return SameTags(NoteTags.Normalize(decision.Local!.Tags), info.Tags);
    }

    private static bool WritesFields(NoteDecision decision) =>
        decision.Has(SyncChangeKind.Update, SyncSide.Anki) || decision.Has(SyncChangeKind.Create, SyncSide.Anki);

    private static bool SameTags(IReadOnlyList<string> sent, IReadOnlyList<string> stored)
    {
        // Anki keeps the tags it was sent, sorted: the same list needs no set.
        if (sent.Count == stored.Count)
        {
            int same = 0;
            while (same < sent.Count && string.Equals(sent[same], stored[same], StringComparison.Ordinal))
                same++;
            if (same == sent.Count)
                return true;
        }
        return sent.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(stored);
    }

    private static bool SameText(string stored, string sent) =>
        string.Equals(stored, sent, StringComparison.Ordinal)
        || string.Equals(stored.Normalize(NormalizationForm.FormC), sent.Normalize(NormalizationForm.FormC), StringComparison.Ordinal);
}
