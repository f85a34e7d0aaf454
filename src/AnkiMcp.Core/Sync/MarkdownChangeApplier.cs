using AnkiMcp.Core.IO;
using AnkiMcp.Core.Markdown;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Makes the planned changes in the deck files: notes from Anki are updated in place, appended, moved between files
/// or removed; keys are written into notes about to go to Anki (the rest of the text kept as the user wrote it);
/// Anki's version of a conflicting note goes to <c>conflicts/</c>. Every write is atomic and checked by parsing.
/// </summary>
internal sealed class MarkdownChangeApplier
{
    private readonly LocalCollection _local;
    private readonly PulledNotes _pulled;
    private readonly Dictionary<string, DeckFile> _decks;

    public MarkdownChangeApplier(LocalCollection local, PulledNotes pulled)
    {
        _local = local;
        _pulled = pulled;
        _decks = local.Collection.Decks.ToDictionary(deck => local.RelativePath(deck.Path), StringComparer.Ordinal);
    }

    /// <summary>Writes each note's key into its deck file, leaving the rest of the text as the user wrote it.</summary>
    public void InsertKeys(IReadOnlyList<NoteDecision> decisions)
    {
        // Files are written on every core at once: each write is parsed back and flushed to disk, and a key in a file
        // whose note never reached Anki is harmless (the next run adds the note under it), so the order does not matter.
        (string File, Dictionary<int, string> Keys)[] files = [.. decisions.GroupBy(decision => decision.Local!.File, StringComparer.Ordinal)
            .Select(file => (file.Key, file.ToDictionary(decision => decision.Local!.Line, decision => decision.Key)))];
        DeckFile[] written = new DeckFile[files.Length];
        Parallel.For(0, files.Length, i => written[i] = DeckFileWriter.InsertKeys(_decks[files[i].File], files[i].Keys, TypesOf(files[i].File)));
        for (int i = 0; i < files.Length; i++)
            _decks[files[i].File] = written[i];
    }

    /// <summary>Applies the Markdown side of the decisions; returns the fingerprint of every note now in a written file, by key.</summary>
    public IReadOnlyDictionary<string, string> Apply(IReadOnlyList<NoteDecision> decisions, IProgress<SyncProgress>? progress)
    {
        Dictionary<string, string> removedFrom = new(StringComparer.Ordinal);
        Dictionary<string, MarkdownNote> replaced = new(StringComparer.Ordinal);
        Dictionary<string, List<(long Order, MarkdownNote Note)>> appended = new(StringComparer.Ordinal);
        HashSet<string> touched = new(StringComparer.Ordinal);
        foreach (NoteDecision decision in decisions)
        {
            if (decision.IsOpenConflict)
            {
                WriteConflictFile(decision);
                continue;
            }
            MarkdownNote? fromAnki = PulledNotes.WritesAnkiVersion(decision)
                ? new MarkdownNote(decision.Key, decision.Remote!.NoteTypeName, _pulled.MarkdownFields(decision.Remote), decision.Remote.Tags, 0)
                : null;
            bool lands = decision.Has(SyncChangeKind.Move, SyncSide.Markdown) || decision.Has(SyncChangeKind.Create, SyncSide.Markdown);
            if (decision.Local is not null && (lands || decision.Has(SyncChangeKind.Delete, SyncSide.Markdown)))
            {
                removedFrom[decision.Key] = decision.Local.File;
                touched.Add(decision.Local.File);
            }
            if (lands)
            {
                string file = FileOf(_local.Collection, decision.Remote!.DeckName, decision.Remote.NoteTypeName);
                MarkdownNote note = fromAnki ?? CurrentNote(decision.Local!, decision.Key);
                (appended.TryGetValue(file, out List<(long, MarkdownNote)>? list) ? list : appended[file] = []).Add((decision.Remote.NoteId, note));
                touched.Add(file);
            }
            else if (fromAnki is not null && decision.Local is not null)
            {
                replaced[decision.Key] = fromAnki;
                touched.Add(decision.Local.File);
            }
        }

        int done = 0;
        Dictionary<string, string> fingerprints = new(StringComparer.Ordinal);
        foreach (string file in touched)
        {
            foreach (MarkdownNote note in WriteDeck(file, removedFrom, replaced, appended.GetValueOrDefault(file) ?? []))
                fingerprints[note.Key!] = note.Fingerprint;
            progress?.Report(new SyncProgress("Writing deck files", ++done, touched.Count));
        }
        return fingerprints;
    }

    private IReadOnlyList<MarkdownNote> WriteDeck(string file, Dictionary<string, string> removedFrom, Dictionary<string, MarkdownNote> replaced, List<(long Order, MarkdownNote Note)> appended)
    {
        string path = Path.Combine(_local.Directory, file);
        List<MarkdownNote> added = [.. appended.OrderBy(item => item.Order).Select(item => item.Note)];
        if (!_decks.TryGetValue(file, out DeckFile? deck))
        {
            DeckFileWriter.WriteDeck(path, added, TypesOf(file));
            return [.. DeckFileParser.Load(path, TypesOf(file)).Notes.Where(note => note.Key is not null)];
        }
        // Only the notes that changed are rewritten; every other byte stays as the person wrote it.
        Dictionary<string, MarkdownNote?> changes = new(StringComparer.Ordinal);
        foreach (string key in deck.Notes.Select(note => note.Key).OfType<string>())
        {
            if (removedFrom.GetValueOrDefault(key) == file)
                changes[key] = null;
            else if (replaced.TryGetValue(key, out MarkdownNote? update))
                changes[key] = update;
        }
        if (deck.Notes.Count - changes.Values.Count(note => note is null) + added.Count == 0)
        {
            // Every note left the deck: the file goes too, as the deck did in Anki.
            File.Delete(path);
            _decks.Remove(file);
            return [];
        }
        DeckFile written = DeckFileSplicer.Write(deck, changes, added, TypesOf(file));
        _decks[file] = written;
        return [.. written.Notes.Where(note => note.Key is not null)];
    }

    private void WriteConflictFile(NoteDecision decision)
    {
        RemoteNote remote = decision.Remote!;
        string path = ConflictFiles.FullPath(_local.Directory, decision.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        MarkdownNote note = new(decision.Key, remote.NoteTypeName, _pulled.MarkdownFields(remote), remote.Tags, 0);
        AtomicFile.WriteAllText(path,
            $"<!-- Anki's version of note {decision.Key} (deck {remote.DeckName}); it was changed in Markdown ({decision.Local!.File}:{decision.Local.Line}) and in Anki. "
            + $"To settle it, edit the note in {decision.Local.File} until it is what you want and delete this file (the next sync sends your version to Anki), "
            + $"or keep one side: ankimcp sync --prefer markdown:{decision.Key}, or ankimcp sync --prefer anki:{decision.Key}. -->\n\n"
            + DeckFileWriter.Render([note], (_local.Collection.SourceOfNoteType(remote.NoteTypeName) ?? _local.Collection.Sources[0]).NoteTypes));
    }

    private MarkdownNote CurrentNote(LocalNote note, string key) =>
        _decks[note.File].Notes.FirstOrDefault(candidate => candidate.Key == key)
        ?? throw new InvalidOperationException($"{note.File}:{note.Line}: note {key} is no longer in its deck file; run the sync again.");

    /// <summary>Stops the run before anything changes when a note from Anki would land in a deck file of another source
    /// than its note type's (a collab note moved in Anki into one of the collection's own decks, or the reverse): that
    /// file's note types cannot hold it.</summary>
    /// <exception cref="SyncRefusedException">Such a note exists.</exception>
    public static void CheckSources(MarkdownCollection collection, IReadOnlyList<NoteDecision> decisions)
    {
        List<string> problems = [];
        foreach (NoteDecision decision in decisions.Where(decision => decision.Has(SyncChangeKind.Move, SyncSide.Markdown) || decision.Has(SyncChangeKind.Create, SyncSide.Markdown)))
        {
            RemoteNote remote = decision.Remote!;
            DeckSource? typeSource = collection.SourceOfNoteType(remote.NoteTypeName);
            if (collection.FindDeck(remote.DeckName) is { } deck && typeSource is not null && collection.SourceOf(deck) != typeSource)
            {
                problems.Add($"Anki note {remote.NoteId} ({remote.NoteTypeName}, of source {typeSource.Name}) is in deck '{remote.DeckName}', "
                    + $"whose file {collection.SourceOf(deck).RelativePathOf(Path.GetFileName(deck.Path))} belongs to source {collection.SourceOf(deck).Name}; notes cannot move between sources.");
            }
        }
        if (problems.Count > 0)
            throw new SyncRefusedException(string.Join(Environment.NewLine, problems) + Environment.NewLine + "Move the notes back to a deck of their own source in Anki, then sync again. Nothing was changed.");
    }

    // An existing deck's file; a new deck gets its file in the source of the note's type.
    private static string FileOf(MarkdownCollection collection, string deckName, string noteTypeName)
    {
        if (collection.FindDeck(deckName) is { } deck)
            return collection.SourceOf(deck).RelativePathOf(Path.GetFileName(deck.Path));
        return (collection.SourceOfNoteType(noteTypeName) ?? collection.Sources[0]).RelativePathOf(DeckFileNames.ToFileName(deckName));
    }

    private NoteTypeRegistry TypesOf(string file) =>
        (_local.Collection.Sources.FirstOrDefault(source => source.IsCollab && file.StartsWith(source.NoteTypePrefix, StringComparison.Ordinal)) ?? _local.Collection.Sources[0]).NoteTypes;
}
