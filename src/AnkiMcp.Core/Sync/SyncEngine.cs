using AnkiMcp.Core.Anki;
using AnkiMcp.Core.Markdown.DeckFiles;
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
    public async Task<NotesPushResult> PushNotesAsync(IReadOnlyCollection<string> noteKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noteKeys);
        try
        {
            return await new NotePusher(_collectionDir, _client).PushAsync(noteKeys, cancellationToken);
        }
        catch (AnkiUnavailableException unavailable)
        {
            return new NotesPushResult(PushStatus.AnkiUnavailable, [],
                $"Anki is not reachable, so the {noteKeys.Count} note{(noteKeys.Count == 1 ? "" : "s")} stay in Markdown and go to Anki with the next sync. ({unavailable.Message})");
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
        LocalCollection local = LocalCollection.Load(_collectionDir);
        using SyncStateStore store = SyncStateStore.Open(_collectionDir);
        AnkiCollectionReader reader = new(_client);
        AnkiSnapshot snapshot = await reader.ReadSnapshotAsync([.. local.Types.Keys], cancellationToken);
        CheckProfile(store.ProfileName, snapshot.Profile);
        IReadOnlyDictionary<string, NoteSyncState> state = store.LoadNotes();
        Dictionary<string, LocalNote> localByKey = local.Notes.Where(note => note.Key is not null).DistinctBy(note => note.Key).ToDictionary(note => note.Key!, StringComparer.Ordinal);
        long ankiClock = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
        IReadOnlyList<RemoteNote> remote = await reader.ReadNotesAsync(
            snapshot, local.Types, state.Values.ToDictionary(note => note.NoteId), store.AnkiClock,
            known => localByKey.TryGetValue(known.NoteKey, out LocalNote? note) && note.Fingerprint == known.MarkdownFingerprint,
            cancellationToken);

        SyncPlanner planner = new(direction, options, (note, ankiNote) => NoteConverter.SameContent(note, ankiNote, local.Types[note.NoteTypeName]), NoteKey.New);
        PlannedNotes planned = planner.Plan(local.Notes, remote, state);
        NoteTypeSynchronizer noteTypeSync = new(_client);
        NoteTypePlan noteTypes = direction == SyncDirection.AnkiToMarkdown
            ? new NoteTypePlan(store.NoteTypeHash ?? "", [], [])
            : await noteTypeSync.PlanAsync([.. local.Types.Values], snapshot.ModelNames, store.NoteTypeHash, cancellationToken);
        PulledNotes pulled = new(local.Types);
        NoteConverter.RenderAll([.. planned.Decisions
            .Where(decision => decision.Has(SyncChangeKind.Create, SyncSide.Anki) || decision.Has(SyncChangeKind.Update, SyncSide.Anki))
            .Select(decision => decision.Local!)], local.Types);
        MediaSynchronizer media = new(_client, _collectionDir, local.Types);
        MediaPlan mediaPlan = await media.PlanAsync(planned.Decisions, store.LoadPushedMedia(), cancellationToken);
        CheckDeckFileNames(planned);
        SyncPlan plan = new([.. planned.Changes], mediaPlan.Transfers, noteTypes.Changes);
        List<string> warnings = [.. planned.Warnings, .. mediaPlan.Warnings];
        LogPlan(_logger, direction, plan.Changes.Count, plan.Media.Count, options.DryRun);
        if (options.DryRun)
            return new SyncReport(direction, DryRun: true, plan, SnapshotCommit: null, warnings);

        string? commit = options.AutoCommit && !plan.IsEmpty ? GitSnapshot.Commit(_collectionDir, CommandName(direction)) : null;
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
            await ApplyNotesAsync(local, pulled, planned, state, transaction, options, warnings, cancellationToken);
            ConflictFiles.RemoveSettled(_collectionDir, planned.Decisions.Where(decision => decision.IsOpenConflict).Select(decision => decision.Key).ToHashSet(StringComparer.Ordinal));
            warnings.AddRange(await media.DownloadAsync(mediaPlan, cancellationToken));
        }
        finally
        {
            // Whatever reached Anki is recorded, also when Anki went away halfway: the next run finishes the job.
            transaction.Commit();
        }
        return new SyncReport(direction, DryRun: false, plan, commit, warnings);
    }

    private async Task ApplyNotesAsync(
        LocalCollection local,
        PulledNotes pulled,
        PlannedNotes planned,
        IReadOnlyDictionary<string, NoteSyncState> state,
        SyncStateTransaction transaction,
        SyncOptions options,
        List<string> warnings,
        CancellationToken cancellationToken)
    {
        StateRecorder recorder = new(transaction, state, local.Types);
        MarkdownChangeApplier markdown = new(local, pulled);
        // Keys go into the files before the notes go to Anki: if Anki's reply is lost, the next run finds the note
        // in Anki by that key instead of adding it twice.
        markdown.InsertKeys([.. planned.Decisions.Where(decision => decision.NeedsKeyInMarkdown && decision.Has(SyncChangeKind.Create, SyncSide.Anki))]);

        Dictionary<NoteDecision, long?> awaitingMarkdown = [];
        AnkiChangeApplier anki = new(_client, local.Types, options.Progress);
        warnings.AddRange(await anki.ApplyAsync(planned.Decisions, (decision, noteId) =>
        {
            if (decision.Changes.Any(change => change.Target == SyncSide.Markdown))
                awaitingMarkdown[decision] = noteId;
            else
                recorder.Record(decision, noteId);
        }, cancellationToken));

        IReadOnlyDictionary<string, string> written = markdown.Apply([.. awaitingMarkdown.Keys], options.Progress);
        foreach ((NoteDecision decision, long? noteId) in awaitingMarkdown)
            recorder.Record(decision, noteId, written.GetValueOrDefault(decision.Key));
    }

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

    private static void CheckProfile(string? recorded, string active)
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
