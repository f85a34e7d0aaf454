using System.Globalization;
using System.Text.Json;
using AnkiMcp.Core.IO;
using Microsoft.Data.Sqlite;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// Reads and writes proposals in SQLite, on one connection and (for writes) one transaction. It holds no rules: the
/// <see cref="ProposalWorkflow"/> decides what may change, <see cref="ProposalStore"/> puts the two together.
/// </summary>
internal sealed class ProposalRepository(SqliteConnection connection, SqliteTransaction? transaction)
{
    private const string SelectProposal = """
        SELECT c.batch_id, c.number, c.revision, c.state, c.rejection_reason, c.note_key, c.reached_anki,
               r.kind, r.deck, r.fields, r.tags
        FROM card c JOIN card_revision r ON r.batch_id = c.batch_id AND r.number = c.number AND r.revision = c.revision
        """;

    public async Task<long> InsertBatchAsync(string label, ProposalOwner? owner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using SqliteCommand insert = Command(
            "INSERT INTO batch(label, created_at, owner_id, owner_name) VALUES ($label, $at, $owner, $ownerName) RETURNING id",
            ("$label", label), ("$at", Format(at)), ("$owner", owner?.Id), ("$ownerName", owner?.Name));
        return (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task InsertCardAsync(long batchId, int number, CancellationToken cancellationToken)
    {
        await using SqliteCommand insert = Command("INSERT INTO card(batch_id, number, state, revision) VALUES ($batch, $number, $state, 1)",
            ("$batch", batchId), ("$number", number), ("$state", nameof(ProposalState.Pending)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task InsertRevisionAsync(long batchId, int number, int revision, CardDraft draft, ProposalActor actor, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using SqliteCommand insert = Command("""
            INSERT INTO card_revision(batch_id, number, revision, kind, deck, fields, tags, actor, created_at)
            VALUES ($batch, $number, $revision, $kind, $deck, $fields, $tags, $actor, $at)
            """,
            ("$batch", batchId), ("$number", number), ("$revision", revision), ("$kind", draft.Kind.ToString()), ("$deck", draft.Deck),
            ("$fields", JsonSerializer.Serialize(draft.Fields)), ("$tags", JsonSerializer.Serialize(draft.Tags)), ("$actor", actor.ToString()),
            ("$at", Format(at)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task InsertTransitionAsync(long batchId, int number, ProposalState? from, ProposalState to, ProposalActor actor, DateTimeOffset at, string? detail,
        CancellationToken cancellationToken)
    {
        await using SqliteCommand insert = Command("""
            INSERT INTO card_transition(batch_id, number, from_state, to_state, actor, at, detail)
            VALUES ($batch, $number, $from, $to, $actor, $at, $detail)
            """,
            ("$batch", batchId), ("$number", number), ("$from", from?.ToString()), ("$to", to.ToString()), ("$actor", actor.ToString()),
            ("$at", Format(at)), ("$detail", detail));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets a card's state, revision and rejection reason.</summary>
    public async Task UpdateCardAsync(long batchId, int number, ProposalState state, int revision, string? rejectionReason, CancellationToken cancellationToken)
    {
        await using SqliteCommand update = Command(
            "UPDATE card SET state = $state, revision = $revision, rejection_reason = $reason WHERE batch_id = $batch AND number = $number",
            ("$state", state.ToString()), ("$revision", revision), ("$reason", rejectionReason), ("$batch", batchId), ("$number", number));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives a card a note key (null takes it back), only while it is approved and holds <paramref name="expectedKey"/>.</summary>
    public async Task<bool> SetNoteKeyAsync(Proposal card, string? expectedKey, string? key, CancellationToken cancellationToken)
    {
        await using SqliteCommand update = Command(
            "UPDATE card SET note_key = $key WHERE batch_id = $batch AND number = $number AND state = $approved AND note_key IS $expected",
            ("$key", key), ("$batch", card.BatchId), ("$number", card.Number), ("$approved", nameof(ProposalState.Approved)), ("$expected", expectedKey));
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Moves a claimed card from approved to created; false when it is not approved with that key any more.</summary>
    public async Task<bool> MarkCreatedAsync(Proposal card, CancellationToken cancellationToken)
    {
        await using SqliteCommand update = Command(
            "UPDATE card SET state = $created WHERE batch_id = $batch AND number = $number AND state = $approved AND note_key = $key",
            ("$created", nameof(ProposalState.Created)), ("$approved", nameof(ProposalState.Approved)), ("$batch", card.BatchId), ("$number", card.Number),
            ("$key", card.NoteKey));
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task SetReachedAnkiAsync(string noteKey, bool reachedAnki, CancellationToken cancellationToken)
    {
        await using SqliteCommand update = Command("UPDATE card SET reached_anki = $reached WHERE note_key = $key", ("$reached", reachedAnki ? 1 : 0), ("$key", noteKey));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A batch with its cards, or null.</summary>
    public async Task<ProposalBatch?> ReadBatchAsync(long batchId, CancellationToken cancellationToken)
    {
        BatchSummary? summary = (await ReadSummariesAsync(batchId, cancellationToken)).SingleOrDefault();
        return summary is null
            ? null
            : new ProposalBatch(summary.Id, summary.Label, summary.Created, await ReadProposalsAsync(batchId, null, null, cancellationToken), summary.Owner);
    }

    /// <summary>Batches without their cards (one, or all when <paramref name="batchId"/> is null), oldest first.</summary>
    public async Task<IReadOnlyList<BatchSummary>> ReadSummariesAsync(long? batchId, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command("""
            SELECT b.id, b.label, b.created_at, b.owner_id, b.owner_name,
                   count(CASE c.state WHEN 'Pending' THEN 1 END), count(CASE c.state WHEN 'Approved' THEN 1 END),
                   count(CASE c.state WHEN 'Created' THEN 1 END), count(CASE c.state WHEN 'Rejected' THEN 1 END)
            FROM batch b LEFT JOIN card c ON c.batch_id = b.id
            WHERE $batch IS NULL OR b.id = $batch
            GROUP BY b.id ORDER BY b.id
            """, ("$batch", batchId));
        return await command.ReadAllAsync(reader => new BatchSummary(
            reader.GetInt64(0),
            reader.GetString(1),
            Parse(reader.GetString(2)),
            reader.IsDBNull(3) ? null : new ProposalOwner(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)),
            new ProposalCounts(reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8))), cancellationToken);
    }

    /// <summary>Cards, optionally of one batch, in one state and/or of one owner's batches, ordered by batch and number.</summary>
    public async Task<IReadOnlyList<Proposal>> ReadProposalsAsync(long? batchId, ProposalState? state, string? ownerId, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command(SelectProposal + """
             WHERE ($batch IS NULL OR c.batch_id = $batch) AND ($state IS NULL OR c.state = $state)
               AND ($owner IS NULL OR c.batch_id IN (SELECT id FROM batch WHERE owner_id = $owner))
             ORDER BY c.batch_id, c.number
            """, ("$batch", batchId), ("$state", state?.ToString()), ("$owner", ownerId));
        return await command.ReadAllAsync(reader => new Proposal(
            reader.GetInt64(0),
            reader.GetInt32(1),
            reader.GetInt32(2),
            Enum.Parse<ProposalState>(reader.GetString(3)),
            ReadDraft(reader, 7),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetInt64(6) != 0), cancellationToken);
    }

    public async Task<IReadOnlyList<ProposalTransition>> ReadTransitionsAsync(long batchId, int? number, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command("""
            SELECT batch_id, number, from_state, to_state, actor, at, detail FROM card_transition
            WHERE batch_id = $batch AND ($number IS NULL OR number = $number) ORDER BY id
            """, ("$batch", batchId), ("$number", number));
        return await command.ReadAllAsync(reader => new ProposalTransition(
            reader.GetInt64(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : Enum.Parse<ProposalState>(reader.GetString(2)),
            Enum.Parse<ProposalState>(reader.GetString(3)),
            Enum.Parse<ProposalActor>(reader.GetString(4)),
            Parse(reader.GetString(5)),
            reader.IsDBNull(6) ? null : reader.GetString(6)), cancellationToken);
    }

    public async Task<IReadOnlyList<ProposalRevision>> ReadRevisionsAsync(long batchId, int number, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command("""
            SELECT revision, kind, deck, fields, tags, actor, created_at FROM card_revision
            WHERE batch_id = $batch AND number = $number ORDER BY revision
            """, ("$batch", batchId), ("$number", number));
        return await command.ReadAllAsync(reader => new ProposalRevision(batchId, number, reader.GetInt32(0), ReadDraft(reader, 1),
            Enum.Parse<ProposalActor>(reader.GetString(5)), Parse(reader.GetString(6))), cancellationToken);
    }

    public async Task<ProposalCounts> ReadCountsAsync(CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command("SELECT state, count(*) FROM card GROUP BY state");
        Dictionary<ProposalState, int> counts = (await command.ReadAllAsync(reader => (State: Enum.Parse<ProposalState>(reader.GetString(0)), Count: reader.GetInt32(1)), cancellationToken))
            .ToDictionary(row => row.State, row => row.Count);
        return new ProposalCounts(
            counts.GetValueOrDefault(ProposalState.Pending),
            counts.GetValueOrDefault(ProposalState.Approved),
            counts.GetValueOrDefault(ProposalState.Created),
            counts.GetValueOrDefault(ProposalState.Rejected));
    }

    private static CardDraft ReadDraft(SqliteDataReader reader, int firstColumn) => new(
        Enum.Parse<CardKind>(reader.GetString(firstColumn)),
        reader.GetString(firstColumn + 1),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(firstColumn + 2)) ?? [],
        JsonSerializer.Deserialize<List<string>>(reader.GetString(firstColumn + 3)) ?? []);

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach ((string name, object? value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string timestamp) => DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
