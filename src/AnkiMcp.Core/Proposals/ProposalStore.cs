using Microsoft.Data.Sqlite;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// The proposed cards of a collection, in SQLite at <c>&lt;collection&gt;/.ankimcp/proposals.db</c>: every change reads
/// the cards it concerns, asks the <see cref="ProposalWorkflow"/> what may change, and writes that, in one write
/// transaction (WAL, busy timeout), so several processes (MCP servers, <c>ankimcp review</c>) can work on the same
/// proposals at once, and state survives restarts. Refusals are <see cref="ProposalRefusedException"/>s.
/// </summary>
public sealed class ProposalStore
{
    /// <summary>The database file name inside the collection's <c>.ankimcp</c> folder.</summary>
    public const string FileName = "proposals.db";

    private const int BusyTimeoutSeconds = 30;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    private ProposalStore(string databasePath, ApprovalPolicy policy, TimeProvider time)
    {
        DatabasePath = databasePath;
        Policy = policy;
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>Who may approve through this store.</summary>
    public ApprovalPolicy Policy { get; }

    /// <summary>Opens (creating or upgrading when needed) the proposal store of a collection folder.</summary>
    /// <exception cref="InvalidDataException">The database was written by a newer AnkiMcp.</exception>
    public static async Task<ProposalStore> OpenAsync(string collectionDirectory, ApprovalPolicy policy, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collectionDirectory);
        string stateDirectory = Path.Combine(collectionDirectory, ".ankimcp");
        Directory.CreateDirectory(stateDirectory);
        ProposalStore store = new(Path.Combine(stateDirectory, FileName), policy, time ?? TimeProvider.System);
        await using SqliteConnection connection = await store.OpenConnectionAsync(cancellationToken);
        await using (SqliteCommand wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await ProposalSchema.MigrateAsync(connection, store.DatabasePath, cancellationToken);
        return store;
    }

    /// <summary>Records a new batch of pending cards, numbered 1..n in the given order.</summary>
    public Task<ProposalBatch> ProposeAsync(string label, IReadOnlyList<CardDraft> drafts, ProposalActor actor, CancellationToken cancellationToken = default) =>
        ProposeAsync(label, drafts, actor, null, cancellationToken);

    /// <summary>Records a new batch of pending cards, numbered 1..n in the given order, as <paramref name="owner"/>'s.</summary>
    public Task<ProposalBatch> ProposeAsync(string label, IReadOnlyList<CardDraft> drafts, ProposalActor actor, ProposalOwner? owner,
        CancellationToken cancellationToken = default)
    {
        ProposalWorkflow.CheckProposal(label, drafts);
        string batchLabel = string.IsNullOrWhiteSpace(label) ? "lesson" : label.Trim();
        return WriteAsync(async repository =>
        {
            DateTimeOffset now = _time.GetUtcNow();
            long batchId = await repository.InsertBatchAsync(batchLabel, owner, now, cancellationToken);
            for (int number = 1; number <= drafts.Count; number++)
            {
                await repository.InsertCardAsync(batchId, number, cancellationToken);
                await repository.InsertRevisionAsync(batchId, number, 1, drafts[number - 1], actor, now, cancellationToken);
                await repository.InsertTransitionAsync(batchId, number, null, ProposalState.Pending, actor, now, null, cancellationToken);
            }

            return (await repository.ReadBatchAsync(batchId, cancellationToken))!;
        }, cancellationToken);
    }

    /// <summary>A batch with its cards, or null when there is no such batch.</summary>
    public Task<ProposalBatch?> GetBatchAsync(long batchId, CancellationToken cancellationToken = default) =>
        ReadAsync(repository => repository.ReadBatchAsync(batchId, cancellationToken), cancellationToken);

    /// <summary>Every batch without its cards, oldest first.</summary>
    public Task<IReadOnlyList<BatchSummary>> BatchSummariesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(repository => repository.ReadSummariesAsync(null, cancellationToken), cancellationToken);

    /// <summary>The newest batch's id, or null when nothing was ever proposed.</summary>
    public async Task<long?> LatestBatchIdAsync(CancellationToken cancellationToken = default) =>
        await BatchSummariesAsync(cancellationToken) is [.., BatchSummary newest] ? newest.Id : null;

    /// <summary>Cards, optionally of one batch and/or in one state, ordered by batch and number.</summary>
    public Task<IReadOnlyList<Proposal>> ListAsync(long? batchId = null, ProposalState? state = null, CancellationToken cancellationToken = default) =>
        ReadAsync(repository => repository.ReadProposalsAsync(batchId, state, null, cancellationToken), cancellationToken);

    /// <summary>The batches that still have cards in the given state.</summary>
    public Task<IReadOnlyList<ProposalBatch>> BatchesWithAsync(ProposalState state, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ProposalBatch>>(async repository =>
        {
            List<ProposalBatch> batches = [];
            foreach (long id in (await repository.ReadProposalsAsync(null, state, null, cancellationToken)).Select(card => card.BatchId).Distinct())
                batches.Add((await repository.ReadBatchAsync(id, cancellationToken))!);
            return batches;
        }, cancellationToken);

    /// <summary>
    /// Replaces a card's content with a new revision (the old one stays in its history). An approved or rejected card
    /// goes back to pending: the person has to decide on the new text.
    /// </summary>
    public Task<Proposal> ReviseAsync(long batchId, int number, CardDraft draft, ProposalActor actor, CancellationToken cancellationToken = default) =>
        WriteAsync(async repository =>
        {
            Proposal current = ProposalWorkflow.CardOf(await RequireBatchAsync(repository, batchId, cancellationToken), number);
            ProposalWorkflow.CheckRevision(current, draft);
            DateTimeOffset now = _time.GetUtcNow();
            int revision = current.Revision + 1;
            await repository.InsertRevisionAsync(batchId, number, revision, draft, actor, now, cancellationToken);
            await repository.UpdateCardAsync(batchId, number, ProposalState.Pending, revision, null, cancellationToken);
            await repository.InsertTransitionAsync(batchId, number, current.State, ProposalState.Pending, actor, now, $"revision {revision}", cancellationToken);
            return ProposalWorkflow.CardOf((await repository.ReadBatchAsync(batchId, cancellationToken))!, number);
        }, cancellationToken);

    /// <summary>
    /// Approves cards of a batch — the given numbers, or every pending card when <paramref name="numbers"/> is null —
    /// if the <see cref="Policy"/> lets <paramref name="actor"/> approve. With <paramref name="expectedRevisions"/> (number →
    /// revision the person saw) nothing is approved when a card changed since. All or nothing.
    /// </summary>
    /// <returns>The cards that were approved by this call.</returns>
    public Task<IReadOnlyList<Proposal>> ApproveAsync(long batchId, IReadOnlyCollection<int>? numbers, ProposalActor actor,
        IReadOnlyDictionary<int, int>? expectedRevisions = null, CancellationToken cancellationToken = default) =>
        WriteAsync(async repository =>
        {
            ApprovalGate.EnsureMayApprove(Policy, actor);
            IReadOnlyList<Proposal> cards = ProposalWorkflow.ToApprove(await RequireBatchAsync(repository, batchId, cancellationToken), numbers, expectedRevisions);
            return await MoveAsync(repository, cards, ProposalState.Approved, null, actor, cancellationToken);
        }, cancellationToken);

    /// <summary>Rejects cards of a batch (the given numbers, or every pending card), keeping the person's reason.</summary>
    /// <returns>The cards that were rejected by this call.</returns>
    public Task<IReadOnlyList<Proposal>> RejectAsync(long batchId, IReadOnlyCollection<int>? numbers, string? reason, ProposalActor actor,
        CancellationToken cancellationToken = default)
    {
        string? why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return WriteAsync(async repository =>
        {
            IReadOnlyList<Proposal> cards = ProposalWorkflow.ToReject(await RequireBatchAsync(repository, batchId, cancellationToken), numbers);
            return await MoveAsync(repository, cards, ProposalState.Rejected, why, actor, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Gives every approved card in <paramref name="scope"/> a fresh note key, unless it already holds one from a creation
    /// that did not finish, and returns them all, still approved. A card becomes created only through
    /// <see cref="MarkCreatedAsync"/>, after its deck file holds it, so a crash in between loses nothing: the next claim
    /// returns the card with the same key, and the creator writes it only if its deck file does not hold that key yet.
    /// </summary>
    public Task<IReadOnlyList<Proposal>> ClaimApprovedAsync(CreationScope scope, Func<string> newNoteKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(newNoteKey);
        return WriteAsync<IReadOnlyList<Proposal>>(async repository =>
        {
            List<Proposal> claimed = [];
            foreach (Proposal card in await repository.ReadProposalsAsync(scope.BatchId, ProposalState.Approved, scope.BatchId is null ? scope.OwnerId : null, cancellationToken))
            {
                if (card.NoteKey is not null)
                {
                    claimed.Add(card);
                    continue;
                }

                string key = newNoteKey();
                await repository.SetNoteKeyAsync(card, null, key, cancellationToken);
                claimed.Add(card with { NoteKey = key });
            }

            return claimed;
        }, cancellationToken);
    }

    /// <summary>Moves claimed cards, now in their deck files, from approved to created.</summary>
    /// <returns>The cards as created.</returns>
    public Task<IReadOnlyList<Proposal>> MarkCreatedAsync(IReadOnlyCollection<Proposal> claimed, ProposalActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return WriteAsync<IReadOnlyList<Proposal>>(async repository =>
        {
            List<Proposal> created = [];
            DateTimeOffset now = _time.GetUtcNow();
            foreach (Proposal card in claimed)
            {
                if (!await repository.MarkCreatedAsync(card, cancellationToken))
                    continue;
                await repository.InsertTransitionAsync(card.BatchId, card.Number, ProposalState.Approved, ProposalState.Created, actor, now,
                    $"note key {card.NoteKey}", cancellationToken);
                created.Add(card with { State = ProposalState.Created });
            }

            return created;
        }, cancellationToken);
    }

    /// <summary>Takes the note keys back from claimed cards whose deck file could not be written, so they can be revised.</summary>
    public Task ReleaseClaimAsync(IReadOnlyCollection<Proposal> claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        if (claimed.Count == 0)
            return Task.CompletedTask;
        return WriteAsync(async repository =>
        {
            foreach (Proposal card in claimed)
                await repository.SetNoteKeyAsync(card, card.NoteKey, null, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Records whether created cards (by note key) reached Anki.</summary>
    public Task RecordAnkiDeliveryAsync(IReadOnlyCollection<string> noteKeys, bool reachedAnki, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(noteKeys);
        if (noteKeys.Count == 0)
            return Task.CompletedTask;
        return WriteAsync(async repository =>
        {
            foreach (string key in noteKeys)
                await repository.SetReachedAnkiAsync(key, reachedAnki, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Every recorded change of a batch's cards (or of one card), oldest first.</summary>
    public Task<IReadOnlyList<ProposalTransition>> TransitionsAsync(long batchId, int? number = null, CancellationToken cancellationToken = default) =>
        ReadAsync(repository => repository.ReadTransitionsAsync(batchId, number, cancellationToken), cancellationToken);

    /// <summary>Every version of a card's content, oldest first.</summary>
    public Task<IReadOnlyList<ProposalRevision>> RevisionsAsync(long batchId, int number, CancellationToken cancellationToken = default) =>
        ReadAsync(repository => repository.ReadRevisionsAsync(batchId, number, cancellationToken), cancellationToken);

    /// <summary>How many cards are in each state.</summary>
    public Task<ProposalCounts> CountsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(repository => repository.ReadCountsAsync(cancellationToken), cancellationToken);

    private static async Task<ProposalBatch> RequireBatchAsync(ProposalRepository repository, long batchId, CancellationToken cancellationToken) =>
        await repository.ReadBatchAsync(batchId, cancellationToken) ?? throw new ProposalRefusedException(new ProposalRefusal.NoSuchBatch(batchId));

    private async Task<IReadOnlyList<Proposal>> MoveAsync(ProposalRepository repository, IReadOnlyList<Proposal> cards, ProposalState to, string? reason,
        ProposalActor actor, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        foreach (Proposal card in cards)
        {
            await repository.UpdateCardAsync(card.BatchId, card.Number, to, card.Revision, reason, cancellationToken);
            await repository.InsertTransitionAsync(card.BatchId, card.Number, card.State, to, actor, now, reason, cancellationToken);
        }

        return [.. cards.Select(card => card with { State = to, RejectionReason = reason })];
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        SqliteConnection connection = new(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using SqliteCommand pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<T> ReadAsync<T>(Func<ProposalRepository, Task<T>> read, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        return await read(new ProposalRepository(connection, null));
    }

    // BeginTransaction without "deferred" issues BEGIN IMMEDIATE: the write lock is taken up front, so concurrent
    // writers queue on the busy timeout instead of failing when a read lock cannot be upgraded.
    private async Task<T> WriteAsync<T>(Func<ProposalRepository, Task<T>> write, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction();
        T result = await write(new ProposalRepository(connection, transaction));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
