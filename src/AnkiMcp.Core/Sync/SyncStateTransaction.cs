using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// The single write transaction of a sync run. The engine records each change as soon as it has reached Anki, and
/// commits at the end — also when Anki went away halfway, so what did reach Anki is remembered.
/// </summary>
public sealed class SyncStateTransaction : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<NoteSyncState> _pendingUpserts = [];

    internal SyncStateTransaction(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Records the Anki profile the collection belongs to.</summary>
    public void SetProfileName(string profileName) => Execute("UPDATE app_state SET profile_name = $p0 WHERE id = 1", profileName);

    /// <summary>Records the hash of the note-type definitions now in Anki.</summary>
    public void SetNoteTypeHash(string hash) => Execute("UPDATE app_state SET note_type_hash = $p0 WHERE id = 1", hash);

    /// <summary>Records Anki's clock as read by this run (see <see cref="SyncStateStore.AnkiClock"/>).</summary>
    public void SetAnkiClock(long seconds) => Execute("UPDATE app_state SET anki_clock = $p0 WHERE id = 1", seconds);

    /// <summary>Inserts or replaces a note's state; a stale row holding the same note id under another key is dropped.</summary>
    public void Upsert(NoteSyncState note)
    {
        ArgumentNullException.ThrowIfNull(note);
        _pendingUpserts.Add(note);
    }

    /// <summary>Forgets a note (deleted on both sides).</summary>
    public void Remove(string noteKey)
    {
        WritePendingUpserts();
        Execute("DELETE FROM note_state WHERE note_key = $p0", noteKey);
    }

    /// <summary>Records that a media file with this content digest is in Anki.</summary>
    public void SetPushedMedia(string name, string digest) =>
        Execute("INSERT INTO media_state (name, pushed_digest) VALUES ($p0, $p1) ON CONFLICT (name) DO UPDATE SET pushed_digest = excluded.pushed_digest", name, digest);

    /// <summary>Reads a card list as stored (comma-separated ids).</summary>
    internal static IReadOnlyList<long> ParseCards(string text) =>
        text.Length == 0 ? [] : [.. text.Split(',').Select(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Makes every recorded change durable.</summary>
    public void Commit()
    {
        WritePendingUpserts();
        _transaction.Commit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (SqliteCommand command in _commands.Values)
            command.Dispose();
        _transaction.Dispose();
    }

    // Microsoft.Data.Sqlite looks every parameter up by name on every execution (a first import of 10,000 notes bound
    // 80,000 of them that way): the notes' states go through one statement bound by position, in the order recorded,
    // so a later upsert of a key still replaces an earlier one.
    private void WritePendingUpserts()
    {
        if (_pendingUpserts.Count == 0)
            return;
        NoteSyncState[] notes = [.. _pendingUpserts];
        _pendingUpserts.Clear();
        sqlite3 database = _connection.Handle!;
        // REPLACE deletes every row that clashes on either unique column (the key, or the note id under a stale key) before inserting.
        Check(database, raw.sqlite3_prepare_v2(database,
            "INSERT OR REPLACE INTO note_state (note_key, note_id, note_type, deck, markdown_fingerprint, anki_fingerprint, anki_mod, cards) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            out sqlite3_stmt statement));
        using (statement)
        {
            foreach (NoteSyncState note in notes)
            {
                raw.sqlite3_bind_text(statement, 1, note.NoteKey);
                raw.sqlite3_bind_int64(statement, 2, note.NoteId);
                raw.sqlite3_bind_text(statement, 3, note.NoteTypeName);
                raw.sqlite3_bind_text(statement, 4, note.DeckName);
                raw.sqlite3_bind_text(statement, 5, note.MarkdownFingerprint);
                raw.sqlite3_bind_text(statement, 6, note.AnkiFingerprint);
                raw.sqlite3_bind_int64(statement, 7, note.AnkiMod);
                raw.sqlite3_bind_text(statement, 8, string.Join(',', note.Cards ?? []));
                int result = raw.sqlite3_step(statement);
                if (result != raw.SQLITE_DONE)
                    Check(database, result);
                raw.sqlite3_reset(statement);
            }
        }
    }

    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result, raw.sqlite3_extended_errcode(database));
    }

    private void Execute(string sql, params object[] values)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = _connection.CreateCommand();
            command.Transaction = _transaction;
#pragma warning disable CA2100 // constant SQL, values are parameters
            command.CommandText = sql;
#pragma warning restore CA2100
            for (int i = 0; i < values.Length; i++)
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            command.Prepare();
            _commands[sql] = command;
        }
        for (int i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
