using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.DeckFiles;
using AnkiMcp.Core.Markdown.NoteTypes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// Keeps a Markdown collection folder and Anki in step: <see cref="MarkdownToAnkiAsync"/> makes Anki match the
/// folder, <see cref="AnkiToMarkdownAsync"/> the folder match Anki, and <see cref="SyncAsync"/> carries both sides'
/// changes since the last sync across, reporting notes changed on both sides as conflicts without losing either.
/// </summary>
public sealed partial class SyncEngine
{
    private readonly string _collectionDir;
    private readonly AnkiConnectClient _client;
    private readonly ILogger _logger;

    /// <summary>Creates an engine for one collection folder and one Anki.</summary>
    public SyncEngine(string collectionDirectory, AnkiConnectClient client, ILogger<SyncEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(collectionDirectory);
        _collectionDir = Path.GetFullPath(collectionDirectory);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _logger = logger ?? NullLogger<SyncEngine>.Instance;
    }

    /// <summary>Makes Anki match the folder (<c>markdown-to-anki</c>).</summary>
    public Task<SyncReport> MarkdownToAnkiAsync(SyncOptions options, CancellationToken cancellationToken) =>
        RunAsync(SyncDirection.MarkdownToAnki, options, cancellationToken);

    /// <summary>Makes the folder match Anki (<c>anki-to-markdown</c>).</summary>
    public Task<SyncReport> AnkiToMarkdownAsync(SyncOptions options, CancellationToken cancellationToken) =>
        RunAsync(SyncDirection.AnkiToMarkdown, options, cancellationToken);

    /// <summary>Applies both sides' changes since the last sync to the other side (<c>sync</c>).</summary>
    public Task<SyncReport> SyncAsync(SyncOptions options, CancellationToken cancellationToken) =>
        RunAsync(SyncDirection.TwoWay, options, cancellationToken);

    /// <summary>
    /// Pushes just these new Markdown notes (by key) to Anki in one batched request and records them, so approved
    /// cards reach Anki at once. Never throws because Anki is unreachable or the profile differs: the result then says
    /// the notes stay in Markdown and go with the next sync.
    /// </summary>
    public Task<NotesPushResult> PushNotesAsync(IReadOnlyCollection<string> noteKeys, CancellationToken cancellationToken) =>
        PushNotesAsync(noteKeys, null, null, cancellationToken);

    /// <summary>
    /// <see cref="PushNotesAsync(IReadOnlyCollection{string}, CancellationToken)"/> for a process that pushes again and
    /// again (the MCP server): the folder is read through its caches, so only the files that changed since are parsed
    /// again, and the state database's connection stays open between pushes.
    /// </summary>
    public async Task<NotesPushResult> PushNotesAsync(IReadOnlyCollection<string> noteKeys, CachedNoteTypes? noteTypes, DeckFileCache? deckFiles,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noteKeys);
        try
        {
            return await new NotePusher(_collectionDir, _client, noteTypes, deckFiles).PushAsync(noteKeys, cancellationToken);
        }
        catch (AnkiUnavailableException unavailable)
        {
            return new NotesPushResult(PushStatus.AnkiUnavailable, [],
                $"Anki is not reachable, so {(noteKeys.Count == 1 ? "the note stays in Markdown and goes" : $"the {noteKeys.Count} notes stay in Markdown and go")} to Anki with the next sync (start Anki, then sync). ({unavailable.Message})");
        }
        catch (SyncRefusedException refused)
        {
            return new NotesPushResult(PushStatus.Refused, [], refused.Message);
        }
    }

    /// <summary>The command name a direction is run by, as the user types it.</summary>
    public static string CommandName(SyncDirection direction) => direction switch
    {
        SyncDirection.MarkdownToAnki => "markdown-to-anki",
        SyncDirection.AnkiToMarkdown => "anki-to-markdown",
        _ => "sync",
    };

    private async Task<SyncReport> RunAsync(SyncDirection direction, SyncOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A two-way sync first checks whether anything it compares changed since the last run found both sides agreeing.
        AgreementCheck? agreement = direction == SyncDirection.TwoWay ? await AgreementCheck.RunAsync(_collectionDir, _client, cancellationToken) : null;
        if (agreement is { Holds: true })
        {
            LogPlan(_logger, direction, 0, 0, options.DryRun);
            return new SyncReport(direction, options.DryRun, SyncPlan.Empty, SnapshotCommit: null, []) { UnmanagedNotes = agreement.Unmanaged };
        }
        LocalCollection local = LocalCollection.Load(_collectionDir);
        // Media get their content-hashed names before anything is planned, so the notes' new references go to Anki in this run.
        MediaRenamer renamer = new(_collectionDir);
        MediaRenames renames = direction == SyncDirection.AnkiToMarkdown ? MediaRenames.None : await renamer.PlanAsync(local, cancellationToken);
        local = local.WithDeckTexts(renames.DeckTexts);
        using SyncStateStore store = SyncStateStore.Open(_collectionDir);
        AnkiCollectionReader reader = new(_client);
        // What the check read from Anki serves the full run too, if it searched for the same note types.
        bool sameTypes = agreement is not null && agreement.NoteTypes.ToHashSet(StringComparer.Ordinal).SetEquals(local.Types.Keys);
        AnkiSnapshot snapshot = (sameTypes && agreement!.Snapshot is { } asking ? await asking : null) ?? await reader.ReadSnapshotAsync([.. local.Types.Keys], cancellationToken);
        CheckProfile(store.ProfileName, snapshot.Profile);
        IReadOnlyDictionary<string, NoteSyncState> state = store.LoadNotes();
        Dictionary<string, LocalNote> localByKey = local.Notes.Where(note => note.Key is not null).DistinctBy(note => note.Key).ToDictionary(note => note.Key!, StringComparer.Ordinal);
        bool reuse = sameTypes && agreement!.ModTimes is not null;
        // Taken before the modification times are read: a note changed again within the second of a time read stays suspect.
        long ankiClock = reuse ? agreement!.ModTimesClock : DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
        Dictionary<string, int>? unmanaged = direction == SyncDirection.MarkdownToAnki ? null
            : reuse ? new(agreement!.Unmanaged, StringComparer.Ordinal) : new(StringComparer.Ordinal);
        AnkiModTimes modTimes = reuse ? agreement!.ModTimes! : await reader.ReadModTimesAsync(snapshot, [.. local.Types.Keys], unmanaged, cancellationToken);
        IReadOnlyList<RemoteNote> remote = await reader.ReadNotesAsync(
            snapshot, modTimes, local.Types, state.Values.ToDictionary(note => note.NoteId), store.AnkiClock,
            known => localByKey.TryGetValue(known.NoteKey, out LocalNote? note) && note.Fingerprint == known.MarkdownFingerprint,
            cancellationToken);

        SyncPlanner planner = new(direction, options, (note, ankiNote) => NoteConverter.SameContent(note, ankiNote, local.Types[note.NoteTypeName]), NoteKey.New,
            key => File.Exists(ConflictFiles.FullPath(_collectionDir, key)));
        PlannedNotes planned = planner.Plan(local.Notes, remote, state);
        NoteTypeSynchronizer noteTypeSync = new(_client);
        NoteTypePlan noteTypes = direction == SyncDirection.AnkiToMarkdown
            ? new NoteTypePlan(store.NoteTypeHash ?? "", [], [])
            : await noteTypeSync.PlanAsync([.. local.Types.Values], snapshot.ModelNames, store.NoteTypeHash, cancellationToken);
        await using SnapshotObjectWriter snapshotObjects = new(_collectionDir);
        PulledNotes pulled = new(local.Types);
        HashSet<NoteDecision> held = [.. planned.Decisions.Where(decision =>
            WriteVerifier.WritesNote(decision) && decision.Remote is not null && snapshot.SelectedInBrowser.Contains(decision.Remote.NoteId))];
        List<NoteDecision> decisions = [.. planned.Decisions.Where(decision => !held.Contains(decision))];
        CheckDeckFileNames(planned);
        MarkdownChangeApplier.CheckSources(local.Collection, planned.Decisions);
        // Anki's notes are turned into Markdown now, so that a field no converter can read stops the run before anything changed.
        foreach (NoteDecision pull in decisions.Where(decision => PulledNotes.WritesAnkiVersion(decision) || decision.IsOpenConflict))
            pulled.MarkdownFields(pull.Remote!);
        // The snapshot's files are hashed and compressed on the other core while the notes are rendered (after the checks
        // that refuse a run: a folder without repository gets one only from a run that goes on).
        if (options.AutoCommit && !options.DryRun && (decisions.Any(decision => decision.Changes.Count > 0) || noteTypes.Changes.Count > 0 || renames.Renames.Count > 0))
            snapshotObjects.Start();
        NoteConverter.RenderAll([.. decisions
            .Where(decision => decision.Has(SyncChangeKind.Create, SyncSide.Anki) || decision.Has(SyncChangeKind.Update, SyncSide.Anki))
            .Select(decision => decision.Local!)], local.Types);
        MediaSynchronizer media = new(_client, _collectionDir, local.Types);
        MediaPlan mediaPlan = await media.PlanAsync(decisions, store.LoadPushedMedia(), cancellationToken,
            renames.Renames.DistinctBy(pair => pair.Value).ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal));
        List<string> warnings = [.. planned.Warnings, .. mediaPlan.Warnings];
        List<UnsyncedNote> notSynced = [.. held.Select(decision => Unsynced(decision, local.Types, pulled,
            $"it is selected in Anki's Browser, whose editor ignores changes made from outside (and later saves its own copy back), so {(options.DryRun ? "it would not be" : "nothing was")} written to it",
            "Close Anki's Browser (or select another note in it), then sync again."))];
        if (options.DryRun)
        {
            SyncPlan dryPlan = new(Describe(decisions, dryRun: true, local.Types, pulled), mediaPlan.Transfers, noteTypes.Changes) { RenamedMedia = renames.AsPlan };
            LogPlan(_logger, direction, dryPlan.Changes.Count, dryPlan.Media.Count, options.DryRun);
            return new SyncReport(direction, DryRun: true, dryPlan, SnapshotCommit: null, warnings) { NotSynced = notSynced, UnmanagedNotes = unmanaged ?? new Dictionary<string, int>() };
        }

        bool changesSomething = decisions.Any(decision => decision.Changes.Count > 0) || mediaPlan.Transfers.Count > 0 || noteTypes.Changes.Count > 0 || renames.Renames.Count > 0;
        bool noteTypesInStep = noteTypes.Writes.Count == 0 && noteTypes.Hash == store.NoteTypeHash;
        SyncAgreement.Forget(_collectionDir);
        string? commit = options.AutoCommit && changesSomething ? await snapshotObjects.CommitAsync(CommandName(direction)) : null;
        renamer.Apply(renames);
        HashSet<NoteDecision> completed = [];
        IReadOnlyCollection<NoteDecision> dropped = [];
        using SyncStateTransaction transaction = store.BeginWrite();
        try
        {
            if (store.ProfileName is null)
                transaction.SetProfileName(snapshot.Profile);
            transaction.SetAnkiClock(ankiClock);
            if (noteTypes.Writes.Count > 0 || noteTypes.Hash != store.NoteTypeHash)
            {
                await noteTypeSync.ApplyAsync(noteTypes, cancellationToken);
                transaction.SetNoteTypeHash(noteTypes.Hash);
            }
            await media.UploadAsync(mediaPlan, transaction, cancellationToken);
            dropped = await ApplyNotesAsync(local, pulled, decisions, state, transaction, options, warnings, completed, cancellationToken);
            ConflictFiles.RemoveSettled(_collectionDir, planned.Decisions.Where(decision => decision.IsOpenConflict).Select(decision => decision.Key).ToHashSet(StringComparer.Ordinal));
            warnings.AddRange(await media.DownloadAsync(mediaPlan, cancellationToken));
        }
        finally
        {
            // Whatever reached Anki (and was read back) is recorded, also when Anki went away halfway: the next run finishes the job.
            transaction.Commit();
        }
        notSynced.AddRange(decisions.Where(decision => decision.Changes.Count > 0 && !decision.IsOpenConflict && !completed.Contains(decision))
            .Select(decision => dropped.Contains(decision)
                ? Unsynced(decision, local.Types, pulled,
                    "Anki did not keep the change: read back, the note is as before. Likely cause: it is open in Anki's Browser or in an editor window, which ignore changes made from outside",
                    "Close Anki's Browser and any editor window showing the note, then sync again: the change is sent again.")
                : Unsynced(decision, local.Types, pulled, "Anki refused or lost the change (see the warnings)", "Fix the cause named in the warnings, then sync again.")));
        SyncPlan plan = new(Describe([.. decisions.Where(decision => completed.Contains(decision) || decision.IsOpenConflict)], dryRun: false, local.Types, pulled),
            mediaPlan.Transfers, noteTypes.Changes) { RenamedMedia = renames.AsPlan };
        LogPlan(_logger, direction, plan.Changes.Count, plan.Media.Count, options.DryRun);
        if (agreement is not null && !changesSomething && noteTypesInStep && held.Count == 0 && warnings.Count == 0 && notSynced.Count == 0
            && !planned.Decisions.Any(decision => decision.IsOpenConflict) && store.ProfileName is { } profile)
        {
            RecordAgreement(agreement.Files, snapshot, modTimes, ankiClock, profile, [.. local.Types.Keys], renames.Referenced);
        }
        return new SyncReport(direction, DryRun: false, plan, commit, warnings) { NotSynced = notSynced, UnmanagedNotes = unmanaged ?? new Dictionary<string, int>() };
    }

    // Both sides agree and this run changed nothing: recorded, unless a file changed while the run read it or a note
    // changed in Anki within the second the run read the modification times.
    private void RecordAgreement(string filesBefore, AnkiSnapshot snapshot, AnkiModTimes modTimes, long ankiClock, string profile, IReadOnlyList<string> noteTypes, IReadOnlyList<string> media)
    {
        AnkiStateDigest anki = AnkiStateDigest.Of(snapshot, modTimes);
        if (anki.NewestMod < ankiClock && CollectionFilesDigest.Of(_collectionDir) == filesBefore)
            new SyncAgreement(SyncAgreement.ThisBuild, ankiClock, profile, filesBefore, anki.Digest, [.. noteTypes.Order(StringComparer.Ordinal)], media).Write(_collectionDir);
    }

    /// <summary>Applies the decisions; returns those whose write to Anki was sent but not kept.</summary>
    private async Task<IReadOnlyCollection<NoteDecision>> ApplyNotesAsync(
        LocalCollection local,
        PulledNotes pulled,
        IReadOnlyList<NoteDecision> decisions,
        IReadOnlyDictionary<string, NoteSyncState> state,
        SyncStateTransaction transaction,
        SyncOptions options,
        List<string> warnings,
        HashSet<NoteDecision> completed,
        CancellationToken cancellationToken)
    {
        StateRecorder recorder = new(transaction, state);
        MarkdownChangeApplier markdown = new(local, pulled);
        // Keys go into the files before the notes go to Anki: if Anki's reply is lost, the next run finds the note
        // in Anki by that key instead of adding it twice.
        markdown.InsertKeys([.. decisions.Where(decision => decision.NeedsKeyInMarkdown && decision.Has(SyncChangeKind.Create, SyncSide.Anki))]);

        Dictionary<NoteDecision, long?> sent = [];
        AnkiChangeApplier anki = new(_client, local.Types, options.Progress);
        warnings.AddRange(await anki.ApplyAsync(decisions, (decision, noteId) => sent[decision] = noteId, cancellationToken));
        // A write is done once it has been read back: Anki drops some without an error.
        Dictionary<NoteDecision, RemoteNote> readBack = await new WriteVerifier(_client, local.Types).ReadBackAsync(
            sent.Where(pair => WriteVerifier.WritesNote(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value ?? pair.Key.Remote!.NoteId), cancellationToken);

        List<NoteDecision> awaitingMarkdown = [];
        HashSet<NoteDecision> dropped = [];
        foreach (NoteDecision decision in sent.Keys)
        {
            RemoteNote? inAnki = readBack.GetValueOrDefault(decision);
            if (WriteVerifier.WritesNote(decision) && inAnki is null)
            {
                dropped.Add(decision);
                continue;
            }
            if (decision.Changes.Any(change => change.Target == SyncSide.Markdown))
            {
                awaitingMarkdown.Add(decision);
                continue;
            }
            recorder.Record(decision, inAnki);
            completed.Add(decision);
        }

        IReadOnlyDictionary<string, string> written = markdown.Apply(awaitingMarkdown, options.Progress);
        foreach (NoteDecision decision in awaitingMarkdown)
        {
            recorder.Record(decision, readBack.GetValueOrDefault(decision), written.GetValueOrDefault(decision.Key));
            completed.Add(decision);
        }
        return dropped;
    }

    private static List<SyncChange> Describe(IReadOnlyList<NoteDecision> decisions, bool dryRun, IReadOnlyDictionary<string, ManagedNoteType> types, PulledNotes pulled) =>
        [.. decisions.Where(decision => decision.Changes.Count > 0).SelectMany(decision =>
        {
            string summary = NoteSummary.Of(decision, types, pulled);
            string? key = dryRun && decision.HasNewKey ? null : decision.Key;
            return decision.Changes.Select(change => change with
            {
                NoteKey = change.NoteKey is null ? null : key,
                Summary = summary,
                Fields = change.Kind is SyncChangeKind.Update or SyncChangeKind.Conflict ? NoteSummary.ChangedFields(decision, types) : [],
            });
        })];

    private static UnsyncedNote Unsynced(NoteDecision decision, IReadOnlyDictionary<string, ManagedNoteType> types, PulledNotes pulled, string reason, string whatToDo) =>
        new(decision.Key, decision.Local?.DeckName ?? decision.Remote!.DeckName, NoteSummary.Of(decision, types, pulled), reason, whatToDo);

    // Anki deck names that no file can carry (".." parts, '_' next to '::', reserved names) stop the run before anything changes.
    private static void CheckDeckFileNames(PlannedNotes planned)
    {
        List<string> problems = [];
        foreach (string deck in planned.Changes
            .Where(change => change.Target == SyncSide.Markdown && change.Kind is SyncChangeKind.Create or SyncChangeKind.Move)
            .Select(change => change.DeckName)
            .Distinct(StringComparer.Ordinal))
        {
            try
            {
                DeckFileNames.ToFileName(deck);
            }
            catch (ArgumentException invalid)
            {
                problems.Add($"Anki deck '{deck}' cannot become a deck file: {invalid.Message}");
            }
        }
        if (problems.Count > 0)
            throw new SyncRefusedException(string.Join(Environment.NewLine, problems) + Environment.NewLine + "Rename the deck in Anki, then sync again. Nothing was changed.");
    }

    internal static void CheckProfile(string? recorded, string active)
    {
        if (recorded is not null && !string.Equals(recorded, active, StringComparison.Ordinal))
        {
            throw new SyncRefusedException(
                $"This collection belongs to the Anki profile '{recorded}', but Anki's active profile is '{active}'. Nothing was changed. "
                + "Switch profile in Anki, or run init again in this folder to link it to the active profile.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Direction}: {Changes} note changes, {Media} media files (dry run: {DryRun})")]
    private static partial void LogPlan(ILogger logger, SyncDirection direction, int changes, int media, bool dryRun);
}
