using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// The proposed cards of a collection, in SQLite at <c>&lt;collection&gt;/.ankimcp/proposals.db</c>. Every change runs in
/// its own write transaction (WAL, busy timeout), so several processes (the MCP server, <c>ankimcp review</c>) can work
/// on the same proposals at once, and state survives restarts.
/// </summary>
public sealed class ProposalStore
{
    /// <summary>The database file name inside the collection's <c>.ankimcp</c> folder.</summary>
    public const string FileName = "proposals.db";

    private const int BusyTimeoutSeconds = 30;

    private const string SelectProposal = """
        SELECT c.batch_id, c.number, c.revision, c.state, c.rejection_reason, c.note_key, c.reached_anki,
               r.kind, r.deck, r.fields, r.tags
        FROM card c JOIN card_revision r ON r.batch_id = c.batch_id AND r.number = c.number AND r.revision = c.revision
        """;

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

    /// <summary>Opens (creating when needed) the proposal store of a collection folder.</summary>
    public static async Task<ProposalStore> OpenAsync(string collectionDirectory, ApprovalPolicy policy, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collectionDirectory);
        string stateDirectory = Path.Combine(collectionDirectory, ".ankimcp");
        Directory.CreateDirectory(stateDirectory);
        ProposalStore store = new(Path.Combine(stateDirectory, FileName), policy, time ?? TimeProvider.System);
        await store.CreateSchemaAsync(cancellationToken);
        return store;
    }

    /// <summary>Records a new batch of pending cards, numbered 1..n in the given order.</summary>
    /// <exception cref="ProposalException">A draft is invalid; the message lists every problem by card number.</exception>
    public async Task<ProposalBatch> ProposeAsync(string label, IReadOnlyList<CardDraft> drafts, ProposalActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 0)
            throw new ProposalException("Propose at least one card.");
        string batchLabel = string.IsNullOrWhiteSpace(label) ? "lesson" : label.Trim();
        ThrowIfInvalid(drafts.Select((draft, index) => (index + 1, draft)));

        return await WriteAsync(async (connection, transaction) =>
        {
            string now = Now();
            long batchId;
            await using (SqliteCommand insertBatch = Command(connection, transaction, "INSERT INTO batch(label, created_at) VALUES ($label, $at) RETURNING id"))
            {
                insertBatch.Parameters.AddWithValue("$label", batchLabel);
                insertBatch.Parameters.AddWithValue("$at", now);
                batchId = (long)(await insertBatch.ExecuteScalarAsync(cancellationToken))!;
            }

            for (int number = 1; number <= drafts.Count; number++)
            {
                await using (SqliteCommand insertCard = Command(connection, transaction,
                    "INSERT INTO card(batch_id, number, state, revision) VALUES ($batch, $number, $state, 1)"))
                {
                    insertCard.Parameters.AddWithValue("$batch", batchId);
                    insertCard.Parameters.AddWithValue("$number", number);
                    insertCard.Parameters.AddWithValue("$state", nameof(ProposalState.Pending));
                    await insertCard.ExecuteNonQueryAsync(cancellationToken);
                }

                await InsertRevisionAsync(connection, transaction, batchId, number, 1, drafts[number - 1], actor, now, cancellationToken);
                await InsertTransitionAsync(connection, transaction, batchId, number, null, ProposalState.Pending, actor, now, null, cancellationToken);
            }

            IReadOnlyList<Proposal> cards = await QueryProposalsAsync(connection, transaction, batchId, null, cancellationToken);
            return new ProposalBatch(batchId, batchLabel, Parse(now), cards);
        }, cancellationToken);
    }

    /// <summary>A batch with its cards, or null when there is no such batch.</summary>
    public Task<ProposalBatch?> GetBatchAsync(long batchId, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReadBatchAsync(connection, null, batchId, cancellationToken), cancellationToken);

    /// <summary>The newest batch's id, or null when nothing was ever proposed.</summary>
    public Task<long?> LatestBatchIdAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using SqliteCommand command = Command(connection, null, "SELECT max(id) FROM batch");
            object? result = await command.ExecuteScalarAsync(cancellationToken);
            return result is long id ? (long?)id : null;
        }, cancellationToken);

    /// <summary>Cards, optionally of one batch and/or in one state, ordered by batch and number.</summary>
    public Task<IReadOnlyList<Proposal>> ListAsync(long? batchId = null, ProposalState? state = null, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => QueryProposalsAsync(connection, null, batchId, state, cancellationToken), cancellationToken);

    /// <summary>Ids and labels of the batches that still have cards in the given state.</summary>
    public Task<IReadOnlyList<ProposalBatch>> BatchesWithAsync(ProposalState state, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ProposalBatch>>(async connection =>
        {
            List<long> ids = [];
            await using (SqliteCommand command = Command(connection, null, "SELECT DISTINCT batch_id FROM card WHERE state = $state ORDER BY batch_id"))
            {
                command.Parameters.AddWithValue("$state", state.ToString());
                await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    ids.Add(reader.GetInt64(0));
            }

            List<ProposalBatch> batches = [];
            foreach (long id in ids)
                batches.Add((await ReadBatchAsync(connection, null, id, cancellationToken))!);
            return batches;
        }, cancellationToken);

    /// <summary>
    /// Replaces a card's content with a new revision (the old one stays in its history). An approved or rejected card
    /// goes back to pending: the person has to decide on the new text.
    /// </summary>
    public Task<Proposal> ReviseAsync(long batchId, int number, CardDraft draft, ProposalActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ThrowIfInvalid([(number, draft)]);
        return WriteAsync(async (connection, transaction) =>
        {
            Proposal current = (await RequireCardsAsync(connection, transaction, batchId, [number], cancellationToken))[0];
            if (current.State == ProposalState.Created)
                throw new ProposalException($"Card {number} of batch {batchId} was already created; edit it in its Markdown deck file and sync.");
            if (current.NoteKey is not null)
                throw Unfinished(current);

            string now = Now();
            int revision = current.Revision + 1;
            await InsertRevisionAsync(connection, transaction, batchId, number, revision, draft, actor, now, cancellationToken);
            await using (SqliteCommand update = Command(connection, transaction,
                "UPDATE card SET revision = $revision, state = $state, rejection_reason = NULL WHERE batch_id = $batch AND number = $number"))
            {
                update.Parameters.AddWithValue("$revision", revision);
                update.Parameters.AddWithValue("$state", nameof(ProposalState.Pending));
                update.Parameters.AddWithValue("$batch", batchId);
                update.Parameters.AddWithValue("$number", number);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await InsertTransitionAsync(connection, transaction, batchId, number, current.State, ProposalState.Pending, actor, now,
                $"revision {revision}", cancellationToken);
            return (await QueryProposalsAsync(connection, transaction, batchId, null, cancellationToken)).Single(card => card.Number == number);
        }, cancellationToken);
    }

    /// <summary>
    /// Approves cards of a batch — the given numbers, or every pending card when <paramref name="numbers"/> is null —
    /// if the <see cref="Policy"/> lets <paramref name="actor"/> approve. With <paramref name="expectedRevisions"/> (number →
    /// revision the person saw) nothing is approved when a card changed since. All or nothing.
    /// </summary>
    /// <returns>The cards that were approved by this call.</returns>
    public Task<IReadOnlyList<Proposal>> ApproveAsync(long batchId, IReadOnlyCollection<int>? numbers, ProposalActor actor,
        IReadOnlyDictionary<int, int>? expectedRevisions = null, CancellationToken cancellationToken = default)
    {
        return WriteAsync<IReadOnlyList<Proposal>>(async (connection, transaction) =>
        {
            ApprovalGate.EnsureMayApprove(Policy, actor);
            IReadOnlyList<Proposal> cards = await SelectCardsAsync(connection, transaction, batchId, numbers, cancellationToken);
            foreach (Proposal card in cards)
            {
                if (card.State is ProposalState.Rejected)
                    throw new ProposalException($"Card {card.Number} of batch {batchId} was rejected; revise it (revise_proposal) if the person wants it after all, then approve it.");
                if (card.State is ProposalState.Created)
                    throw new ProposalException($"Card {card.Number} of batch {batchId} was already created.");
                if (expectedRevisions is not null && expectedRevisions.TryGetValue(card.Number, out int seen) && seen != card.Revision)
                    throw new ProposalException($"Card {card.Number} of batch {batchId} was revised after the person saw it; nothing was approved. Show the current version and ask again.");
            }

            List<Proposal> approved = [];
            string now = Now();
            foreach (Proposal card in cards.Where(card => card.State == ProposalState.Pending))
            {
                await SetStateAsync(connection, transaction, card, ProposalState.Approved, null, actor, now, null, cancellationToken);
                approved.Add(card with { State = ProposalState.Approved });
            }

            return approved;
        }, cancellationToken);
    }

    /// <summary>Rejects cards of a batch (the given numbers, or every pending card), keeping the person's reason.</summary>
    /// <returns>The cards that were rejected by this call.</returns>
    public Task<IReadOnlyList<Proposal>> RejectAsync(long batchId, IReadOnlyCollection<int>? numbers, string? reason, ProposalActor actor,
        CancellationToken cancellationToken = default)
    {
        string? why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return WriteAsync<IReadOnlyList<Proposal>>(async (connection, transaction) =>
        {
            IReadOnlyList<Proposal> cards = await SelectCardsAsync(connection, transaction, batchId, numbers, cancellationToken);
            Proposal? created = cards.FirstOrDefault(card => card.State == ProposalState.Created);
            if (created is not null)
                throw new ProposalException($"Card {created.Number} of batch {batchId} was already created; delete it from its Markdown deck file (or in Anki) instead.");
            Proposal? claimed = cards.FirstOrDefault(card => card.NoteKey is not null);
            if (claimed is not null)
                throw Unfinished(claimed);

            List<Proposal> rejected = [];
            string now = Now();
            foreach (Proposal card in cards.Where(card => card.State is ProposalState.Pending or ProposalState.Approved))
            {
                await SetStateAsync(connection, transaction, card, ProposalState.Rejected, why, actor, now, why, cancellationToken);
                rejected.Add(card with { State = ProposalState.Rejected, RejectionReason = why });
            }

            return rejected;
        }, cancellationToken);
    }

    /// <summary>
    /// Gives every approved card (of one batch, or of all) a fresh note key, unless it already holds one from a creation
    /// that did not finish, and returns them all, still approved. A card becomes created only through
    /// <see cref="MarkCreatedAsync"/>, after its deck file holds it, so a crash in between loses nothing: the next claim
    /// returns the card with the same key, and the creator writes it only if its deck file does not hold that key yet.
    /// </summary>
    public Task<IReadOnlyList<Proposal>> ClaimApprovedAsync(long? batchId, Func<string> newNoteKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newNoteKey);
        return WriteAsync<IReadOnlyList<Proposal>>(async (connection, transaction) =>
        {
            IReadOnlyList<Proposal> approved = await QueryProposalsAsync(connection, transaction, batchId, ProposalState.Approved, cancellationToken);
            List<Proposal> claimed = [];
            foreach (Proposal card in approved)
            {
                if (card.NoteKey is not null)
                {
                    claimed.Add(card);
                    continue;
                }

                string key = newNoteKey();
                await using (SqliteCommand update = Command(connection, transaction,
                    "UPDATE card SET note_key = $key WHERE batch_id = $batch AND number = $number"))
                {
                    update.Parameters.AddWithValue("$key", key);
                    update.Parameters.AddWithValue("$batch", card.BatchId);
                    update.Parameters.AddWithValue("$number", card.Number);
                    await update.ExecuteNonQueryAsync(cancellationToken);
                }

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
        return WriteAsync<IReadOnlyList<Proposal>>(async (connection, transaction) =>
        {
            List<Proposal> created = [];
            string now = Now();
            foreach (Proposal card in claimed)
            {
                await using (SqliteCommand update = Command(connection, transaction,
                    "UPDATE card SET state = $created WHERE batch_id = $batch AND number = $number AND state = $approved AND note_key = $key"))
                {
                    update.Parameters.AddWithValue("$created", nameof(ProposalState.Created));
                    update.Parameters.AddWithValue("$approved", nameof(ProposalState.Approved));
                    update.Parameters.AddWithValue("$batch", card.BatchId);
                    update.Parameters.AddWithValue("$number", card.Number);
                    update.Parameters.AddWithValue("$key", (object?)card.NoteKey ?? DBNull.Value);
                    if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
                        continue;
                }

                await InsertTransitionAsync(connection, transaction, card.BatchId, card.Number, ProposalState.Approved, ProposalState.Created, actor, now,
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
        return WriteAsync(async (connection, transaction) =>
        {
            foreach (Proposal card in claimed)
            {
                await using SqliteCommand update = Command(connection, transaction,
                    "UPDATE card SET note_key = NULL WHERE batch_id = $batch AND number = $number AND state = $approved AND note_key = $key");
                update.Parameters.AddWithValue("$approved", nameof(ProposalState.Approved));
                update.Parameters.AddWithValue("$batch", card.BatchId);
                update.Parameters.AddWithValue("$number", card.Number);
                update.Parameters.AddWithValue("$key", (object?)card.NoteKey ?? DBNull.Value);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Records whether created cards (by note key) reached Anki.</summary>
    public Task RecordAnkiDeliveryAsync(IReadOnlyCollection<string> noteKeys, bool reachedAnki, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(noteKeys);
        return WriteAsync(async (connection, transaction) =>
        {
            foreach (string key in noteKeys)
            {
                await using SqliteCommand update = Command(connection, transaction, "UPDATE card SET reached_anki = $reached WHERE note_key = $key");
                update.Parameters.AddWithValue("$reached", reachedAnki ? 1 : 0);
                update.Parameters.AddWithValue("$key", key);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Every recorded change of a batch's cards (or of one card), oldest first.</summary>
    public Task<IReadOnlyList<ProposalTransition>> TransitionsAsync(long batchId, int? number = null, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ProposalTransition>>(async connection =>
        {
            await using SqliteCommand command = Command(connection, null, """
                SELECT batch_id, number, from_state, to_state, actor, at, detail FROM card_transition
                WHERE batch_id = $batch AND ($number IS NULL OR number = $number) ORDER BY id
                """);
            command.Parameters.AddWithValue("$batch", batchId);
            command.Parameters.AddWithValue("$number", (object?)number ?? DBNull.Value);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            List<ProposalTransition> transitions = [];
            while (await reader.ReadAsync(cancellationToken))
            {
                transitions.Add(new ProposalTransition(
                    reader.GetInt64(0),
                    reader.GetInt32(1),
                    reader.IsDBNull(2) ? null : Enum.Parse<ProposalState>(reader.GetString(2)),
                    Enum.Parse<ProposalState>(reader.GetString(3)),
                    Enum.Parse<ProposalActor>(reader.GetString(4)),
                    Parse(reader.GetString(5)),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }

            return transitions;
        }, cancellationToken);

    /// <summary>Every version of a card's content, oldest first.</summary>
    public Task<IReadOnlyList<ProposalRevision>> RevisionsAsync(long batchId, int number, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ProposalRevision>>(async connection =>
        {
            await using SqliteCommand command = Command(connection, null, """
                SELECT revision, kind, deck, fields, tags, actor, created_at FROM card_revision
                WHERE batch_id = $batch AND number = $number ORDER BY revision
                """);
            command.Parameters.AddWithValue("$batch", batchId);
            command.Parameters.AddWithValue("$number", number);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            List<ProposalRevision> revisions = [];
            while (await reader.ReadAsync(cancellationToken))
            {
                CardDraft draft = ReadDraft(reader, 1);
                revisions.Add(new ProposalRevision(batchId, number, reader.GetInt32(0), draft,
                    Enum.Parse<ProposalActor>(reader.GetString(5)), Parse(reader.GetString(6))));
            }

            return revisions;
        }, cancellationToken);

    /// <summary>How many cards are in each state.</summary>
    public Task<ProposalCounts> CountsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using SqliteCommand command = Command(connection, null, "SELECT state, count(*) FROM card GROUP BY state");
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            Dictionary<ProposalState, int> counts = [];
            while (await reader.ReadAsync(cancellationToken))
                counts[Enum.Parse<ProposalState>(reader.GetString(0))] = reader.GetInt32(1);
            return new ProposalCounts(
                counts.GetValueOrDefault(ProposalState.Pending),
                counts.GetValueOrDefault(ProposalState.Approved),
                counts.GetValueOrDefault(ProposalState.Created),
                counts.GetValueOrDefault(ProposalState.Rejected));
        }, cancellationToken);

    private static void ThrowIfInvalid(IEnumerable<(int Number, CardDraft Draft)> drafts)
    {
        List<string> problems = [.. drafts.SelectMany(item => CardDraftValidator.Validate(item.Draft).Select(problem => $"Card {item.Number}: {problem}"))];
        if (problems.Count > 0)
            throw new ProposalException(string.Join(Environment.NewLine, problems));
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await using (SqliteCommand wal = Command(connection, null, "PRAGMA journal_mode = WAL"))
            await wal.ExecuteNonQueryAsync(cancellationToken);
        await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (SqliteCommand schema = Command(connection, (SqliteTransaction)transaction, """
            CREATE TABLE IF NOT EXISTS batch(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                label TEXT NOT NULL,
                created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS card(
                batch_id INTEGER NOT NULL REFERENCES batch(id),
                number INTEGER NOT NULL,
                state TEXT NOT NULL,
                revision INTEGER NOT NULL,
                rejection_reason TEXT,
                note_key TEXT UNIQUE,
                reached_anki INTEGER,
                PRIMARY KEY(batch_id, number));
            CREATE TABLE IF NOT EXISTS card_revision(
                batch_id INTEGER NOT NULL,
                number INTEGER NOT NULL,
                revision INTEGER NOT NULL,
                kind TEXT NOT NULL,
                deck TEXT NOT NULL,
                fields TEXT NOT NULL,
                tags TEXT NOT NULL,
                actor TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY(batch_id, number, revision),
                FOREIGN KEY(batch_id, number) REFERENCES card(batch_id, number));
            CREATE TABLE IF NOT EXISTS card_transition(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                batch_id INTEGER NOT NULL,
                number INTEGER NOT NULL,
                from_state TEXT,
                to_state TEXT NOT NULL,
                actor TEXT NOT NULL,
                at TEXT NOT NULL,
                detail TEXT,
                FOREIGN KEY(batch_id, number) REFERENCES card(batch_id, number));
            CREATE INDEX IF NOT EXISTS card_by_state ON card(state);
            """))
        {
            await schema.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        SqliteConnection connection = new(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using SqliteCommand pragmas = Command(connection, null,
                $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        return await read(connection);
    }

    // BeginTransaction without "deferred" issues BEGIN IMMEDIATE: the write lock is taken up front, so concurrent
    // writers queue on the busy timeout instead of failing when a read lock cannot be upgraded.
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction();
        T result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<ProposalBatch?> ReadBatchAsync(SqliteConnection connection, SqliteTransaction? transaction, long batchId, CancellationToken cancellationToken)
    {
        string label;
        string created;
        await using (SqliteCommand command = Command(connection, transaction, "SELECT label, created_at FROM batch WHERE id = $id"))
        {
            command.Parameters.AddWithValue("$id", batchId);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                return null;
            label = reader.GetString(0);
            created = reader.GetString(1);
        }

        return new ProposalBatch(batchId, label, Parse(created), await QueryProposalsAsync(connection, transaction, batchId, null, cancellationToken));
    }

    private static async Task<IReadOnlyList<Proposal>> QueryProposalsAsync(SqliteConnection connection, SqliteTransaction? transaction,
        long? batchId, ProposalState? state, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command(connection, transaction,
            SelectProposal + " WHERE ($batch IS NULL OR c.batch_id = $batch) AND ($state IS NULL OR c.state = $state) ORDER BY c.batch_id, c.number");
        command.Parameters.AddWithValue("$batch", (object?)batchId ?? DBNull.Value);
        command.Parameters.AddWithValue("$state", (object?)state?.ToString() ?? DBNull.Value);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        List<Proposal> proposals = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            proposals.Add(new Proposal(
                reader.GetInt64(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                Enum.Parse<ProposalState>(reader.GetString(3)),
                ReadDraft(reader, 7),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6) != 0));
        }

        return proposals;
    }

    // The given numbers (all of them must exist), or every pending card of the batch when numbers is null.
    private static async Task<IReadOnlyList<Proposal>> SelectCardsAsync(SqliteConnection connection, SqliteTransaction transaction, long batchId,
        IReadOnlyCollection<int>? numbers, CancellationToken cancellationToken)
    {
        if (numbers is null)
        {
            IReadOnlyList<Proposal> all = await QueryProposalsAsync(connection, transaction, batchId, null, cancellationToken);
            if (all.Count == 0)
                throw new ProposalException($"There is no batch {batchId}; list_proposals shows the batches and their cards.");
            return [.. all.Where(card => card.State == ProposalState.Pending)];
        }

        if (numbers.Count == 0)
            throw new ProposalException("Give the numbers of the cards, or leave them out to mean every pending card of the batch.");
        return await RequireCardsAsync(connection, transaction, batchId, numbers, cancellationToken);
    }

    private static async Task<IReadOnlyList<Proposal>> RequireCardsAsync(SqliteConnection connection, SqliteTransaction transaction, long batchId,
        IReadOnlyCollection<int> numbers, CancellationToken cancellationToken)
    {
        IReadOnlyList<Proposal> all = await QueryProposalsAsync(connection, transaction, batchId, null, cancellationToken);
        if (all.Count == 0)
            throw new ProposalException($"There is no batch {batchId}; list_proposals shows the batches and their cards.");
        int[] missing = [.. numbers.Where(number => all.All(card => card.Number != number))];
        if (missing.Length > 0)
            throw new ProposalException($"Batch {batchId} has cards 1–{all.Count}; there is no card {string.Join(", ", missing)}.");
        return [.. all.Where(card => numbers.Contains(card.Number))];
    }

    // An approved card with a note key may already be in its deck file: only the creator may decide its fate.
    private static ProposalException Unfinished(Proposal card) =>
        new($"Card {card.Number} of batch {card.BatchId} is being created (note key {card.NoteKey}); call create_approved_cards to finish, then edit it in its Markdown deck file.");

    private static async Task SetStateAsync(SqliteConnection connection, SqliteTransaction transaction, Proposal card, ProposalState to,
        string? rejectionReason, ProposalActor actor, string now, string? detail, CancellationToken cancellationToken)
    {
        await using (SqliteCommand update = Command(connection, transaction,
            "UPDATE card SET state = $state, rejection_reason = $reason WHERE batch_id = $batch AND number = $number"))
        {
            update.Parameters.AddWithValue("$state", to.ToString());
            update.Parameters.AddWithValue("$reason", (object?)rejectionReason ?? DBNull.Value);
            update.Parameters.AddWithValue("$batch", card.BatchId);
            update.Parameters.AddWithValue("$number", card.Number);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await InsertTransitionAsync(connection, transaction, card.BatchId, card.Number, card.State, to, actor, now, detail, cancellationToken);
    }

    private static async Task InsertRevisionAsync(SqliteConnection connection, SqliteTransaction transaction, long batchId, int number, int revision,
        CardDraft draft, ProposalActor actor, string now, CancellationToken cancellationToken)
    {
        await using SqliteCommand insert = Command(connection, transaction, """
            INSERT INTO card_revision(batch_id, number, revision, kind, deck, fields, tags, actor, created_at)
            VALUES ($batch, $number, $revision, $kind, $deck, $fields, $tags, $actor, $at)
            """);
        insert.Parameters.AddWithValue("$batch", batchId);
        insert.Parameters.AddWithValue("$number", number);
        insert.Parameters.AddWithValue("$revision", revision);
        insert.Parameters.AddWithValue("$kind", draft.Kind.ToString());
        insert.Parameters.AddWithValue("$deck", draft.Deck);
        insert.Parameters.AddWithValue("$fields", JsonSerializer.Serialize(draft.Fields));
        insert.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(draft.Tags));
        insert.Parameters.AddWithValue("$actor", actor.ToString());
        insert.Parameters.AddWithValue("$at", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertTransitionAsync(SqliteConnection connection, SqliteTransaction transaction, long batchId, int number,
        ProposalState? from, ProposalState to, ProposalActor actor, string now, string? detail, CancellationToken cancellationToken)
    {
        await using SqliteCommand insert = Command(connection, transaction, """
            INSERT INTO card_transition(batch_id, number, from_state, to_state, actor, at, detail)
            VALUES ($batch, $number, $from, $to, $actor, $at, $detail)
            """);
        insert.Parameters.AddWithValue("$batch", batchId);
        insert.Parameters.AddWithValue("$number", number);
        insert.Parameters.AddWithValue("$from", (object?)from?.ToString() ?? DBNull.Value);
        insert.Parameters.AddWithValue("$to", to.ToString());
        insert.Parameters.AddWithValue("$actor", actor.ToString());
        insert.Parameters.AddWithValue("$at", now);
        insert.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static CardDraft ReadDraft(SqliteDataReader reader, int firstColumn) => new(
        Enum.Parse<CardKind>(reader.GetString(firstColumn)),
        reader.GetString(firstColumn + 1),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(firstColumn + 2)) ?? [],
        JsonSerializer.Deserialize<List<string>>(reader.GetString(firstColumn + 3)) ?? []);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string timestamp) => DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
