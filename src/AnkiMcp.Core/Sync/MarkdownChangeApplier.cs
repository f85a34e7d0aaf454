using AnkiMcp.Core.Markdown;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Makes the planned changes in the deck files: notes from Anki are updated in place, appended, moved between files
/// or removed; keys are written into notes about to go to Anki; Anki's version of a conflicting note goes to
/// <c>conflicts/</c>. Every file is written atomically, and only files that change are written.
/// </summary>
internal sealed class MarkdownChangeApplier(LocalCollection local, PulledNotes pulled)
{
    /// <summary>Writes each note's key into its deck file, leaving the rest of the text as the user wrote it.</summary>
    public void InsertKeys(IReadOnlyList<NoteDecision> decisions)
    {
        foreach (IGrouping<string, NoteDecision> file in decisions.GroupBy(decision => decision.Local!.File, StringComparer.Ordinal))
            DeckFileWriter.InsertKeys(FullPath(file.Key), file.ToDictionary(decision => decision.Local!.Line, decision => decision.Key));
    }

    /// <summary>Applies the Markdown side of the decisions; returns the fingerprint of every note written, by key.</summary>
    public IReadOnlyDictionary<string, string> Apply(IReadOnlyList<NoteDecision> decisions, IProgress<SyncProgress>? progress)
    {
        Dictionary<string, string?> removedFrom = new(StringComparer.Ordinal);
        Dictionary<string, MarkdownNote> replaced = new(StringComparer.Ordinal);
        Dictionary<string, List<(long Order, MarkdownNote Note)>> appended = new(StringComparer.Ordinal);
        HashSet<string> touchedFiles = new(StringComparer.Ordinal);
        foreach (NoteDecision decision in decisions)
        {
            if (decision.IsOpenConflict)
            {
                WriteConflictFile(decision);
                continue;
            }
            MarkdownNote? written = PulledNotes.WritesAnkiVersion(decision)
                ? new MarkdownNote(decision.Key, decision.Remote!.NoteTypeName, pulled.MarkdownFields(decision.Remote), decision.Remote.Tags, 0)
                : null;
            bool moves = decision.Has(SyncChangeKind.Move, SyncSide.Markdown) || decision.Has(SyncChangeKind.Create, SyncSide.Markdown);
            bool deletes = decision.Has(SyncChangeKind.Delete, SyncSide.Markdown);
            if (decision.Local is not null && (moves || deletes))
            {
                removedFrom[decision.Key] = decision.Local.File;
                touchedFiles.Add(decision.Local.File);
            }
            if (moves)
            {
                string file = FileOf(decision.Remote!.DeckName);
                MarkdownNote note = written ?? SourceNote(decision.Local!) with { Key = decision.Key };
                (appended.TryGetValue(file, out var list) ? list : appended[file] = []).Add((decision.Remote.NoteId, note));
                touchedFiles.Add(file);
            }
            else if (written is not null && decision.Local is not null)
            {
                replaced[decision.Key] = written;
                touchedFiles.Add(decision.Local.File);
            }
        }

        int done = 0;
        foreach (string file in touchedFiles)
        {
            WriteDeck(file, removedFrom, replaced, appended.GetValueOrDefault(file) ?? []);
            progress?.Report(new SyncProgress("Writing deck files", ++done, touchedFiles.Count));
        }
        return touchedFiles.Count == 0 ? new Dictionary<string, string>() : Reparse(touchedFiles);
    }

    private void WriteDeck(string file, Dictionary<string, string?> removedFrom, Dictionary<string, MarkdownNote> replaced, List<(long Order, MarkdownNote Note)> appended)
    {
        DeckFile? existing = local.Collection.DeckFiles.FirstOrDefault(deck => local.RelativePath(deck.Path) == file);
        List<MarkdownNote> notes = [];
        foreach (MarkdownNote note in existing?.Notes ?? [])
        {
            if (note.Key is not null && removedFrom.GetValueOrDefault(note.Key) == file)
                continue;
            notes.Add(note.Key is not null && replaced.TryGetValue(note.Key, out MarkdownNote? update) ? update : note);
        }
        notes.AddRange(appended.OrderBy(item => item.Order).Select(item => item.Note));
        string path = FullPath(file);
        if (notes.Count == 0)
        {
            File.Delete(path);
            return;
        }
        DeckFileWriter.WriteAtomic(path, DeckFileWriter.Render(notes, local.Collection.NoteTypes));
    }

    private Dictionary<string, string> Reparse(HashSet<string> files)
    {
        Dictionary<string, string> fingerprints = new(StringComparer.Ordinal);
        foreach (DeckFile deck in MarkdownCollection.Load(local.Directory).DeckFiles.Where(deck => files.Contains(local.RelativePath(deck.Path))))
        {
            foreach (MarkdownNote note in deck.Notes.Where(note => note.Key is not null))
                fingerprints[note.Key!] = NoteFingerprint.Compute(note.NoteTypeName, note.Fields, note.Tags);
        }
        return fingerprints;
    }

    private void WriteConflictFile(NoteDecision decision)
    {
        RemoteNote remote = decision.Remote!;
        string path = ConflictFiles.FullPath(local.Directory, decision.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string header = $"<!-- Anki's version of note {decision.Key} (deck {remote.DeckName}), changed in Markdown ({decision.Local!.File}:{decision.Local.Line}) and in Anki. "
            + "Keep one with: ankimcp sync --prefer markdown, or ankimcp sync --prefer anki. -->\n\n";
        MarkdownNote note = new(decision.Key, remote.NoteTypeName, pulled.MarkdownFields(remote), remote.Tags, 0);
        DeckFileWriter.WriteAtomic(path, header + DeckFileWriter.Render([note], local.Collection.NoteTypes));
    }

    private MarkdownNote SourceNote(LocalNote note) =>
        local.Collection.DeckFiles.First(deck => local.RelativePath(deck.Path) == note.File).Notes.First(candidate => candidate.Line == note.Line);

    private string FileOf(string deckName) =>
        local.Collection.DeckFiles.FirstOrDefault(deck => deck.DeckName == deckName) is { } deck ? local.RelativePath(deck.Path) : DeckFileNames.ToFileName(deckName);

    private string FullPath(string relative) => Path.Combine(local.Directory, relative);
}
