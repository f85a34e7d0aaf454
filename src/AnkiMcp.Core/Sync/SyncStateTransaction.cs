using Microsoft.Data.Sqlite;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// The single write transaction of a sync run. The engine records each change as soon as it has reached Anki, and
/// commits at the end — also when Anki went away halfway, so what did reach Anki is remembered.
/// </summary>
public sealed class SyncStateTransaction : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    internal SyncStateTransaction(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Records the Anki profile the collection belongs to.</summary>
    public void SetProfileName(string profileName) => Execute("UPDATE app_state SET profile_name = $value WHERE id = 1", ("$value", profileName));

    /// <summary>Records the hash of the note-type definitions now in Anki.</summary>
    public void SetNoteTypeHash(string hash) => Execute("UPDATE app_state SET note_type_hash = $value WHERE id = 1", ("$value", hash));

    /// <summary>Inserts or replaces a note's state; a stale row holding the same note id under another key is dropped.</summary>
    public void Upsert(NoteSyncState note)
    {
        ArgumentNullException.ThrowIfNull(note);
        Execute("DELETE FROM note_state WHERE note_id = $id AND note_key <> $key", ("$id", note.NoteId), ("$key", note.NoteKey));
        Execute(
            """
            INSERT INTO note_state (note_key, note_id, note_type, deck, markdown_fingerprint, anki_fingerprint)
            VALUES ($key, $id, $type, $deck, $md, $anki)
            ON CONFLICT (note_key) DO UPDATE SET note_id = excluded.note_id, note_type = excluded.note_type,
                deck = excluded.deck, markdown_fingerprint = excluded.markdown_fingerprint, anki_fingerprint = excluded.anki_fingerprint
            """,
            ("$key", note.NoteKey), ("$id", note.NoteId), ("$type", note.NoteTypeName), ("$deck", note.DeckName),
            ("$md", note.MarkdownFingerprint), ("$anki", note.AnkiFingerprint));
    }

    /// <summary>Forgets a note (deleted on both sides).</summary>
    public void Remove(string noteKey) => Execute("DELETE FROM note_state WHERE note_key = $key", ("$key", noteKey));

    /// <summary>Records that a media file with this content digest is in Anki.</summary>
    public void SetPushedMedia(string name, string digest) =>
        Execute(
            "INSERT INTO media_state (name, pushed_digest) VALUES ($name, $digest) ON CONFLICT (name) DO UPDATE SET pushed_digest = excluded.pushed_digest",
            ("$name", name), ("$digest", digest));

    /// <summary>Makes every recorded change durable.</summary>
    public void Commit() => _transaction.Commit();

    /// <inheritdoc />
    public void Dispose() => _transaction.Dispose();

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.Transaction = _transaction;
#pragma warning disable CA2100 // constant SQL, values are parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach ((string name, object value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
