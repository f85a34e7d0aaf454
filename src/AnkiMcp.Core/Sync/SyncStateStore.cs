using System.Globalization;
using AnkiMcp.Core.IO;
using Microsoft.Data.Sqlite;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// The sync state of one collection: <c>&lt;collection&gt;/.ankimcp/state.db</c> (SQLite, WAL). It links note keys to
/// Anki note ids and remembers what each side looked like at the last sync, so a change can be told from no change.
/// Losing it is safe: identity is rebuilt from the hidden <c>AnkiOps Key</c> field in Anki.
/// </summary>
public sealed class SyncStateStore : IDisposable
{
    /// <summary>The schema this code writes; a file with another version is set aside and rebuilt.</summary>
    public const int SchemaVersion = 2;

    private const string Schema = """
        CREATE TABLE app_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            profile_name TEXT,
            note_type_hash TEXT,
            anki_clock INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO app_state (id) VALUES (1);
        CREATE TABLE note_state (
            note_key TEXT PRIMARY KEY,
            note_id INTEGER NOT NULL UNIQUE,
            note_type TEXT NOT NULL,
            deck TEXT NOT NULL,
            markdown_fingerprint TEXT NOT NULL,
            anki_fingerprint TEXT NOT NULL,
            anki_mod INTEGER NOT NULL,
            cards TEXT NOT NULL
        );
        CREATE TABLE media_state (
            name TEXT PRIMARY KEY,
            pushed_digest TEXT NOT NULL
        );
        """;

    private readonly SqliteConnection _connection;
    private readonly string _collectionDir;

    private SyncStateStore(SqliteConnection connection, string collectionDir)
    {
        _connection = connection;
        _collectionDir = collectionDir;
        DatabasePath = PathFor(collectionDir);
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Where a collection keeps its state database.</summary>
    public static string PathFor(string collectionDir) => Path.Combine(collectionDir, ".ankimcp", "state.db");

    /// <summary>
    /// Opens (or creates) the state database of a collection. A file that is not a database of this schema is
    /// renamed to <c>state.db.corrupt</c> and a fresh one is created. With <paramref name="keepConnectionOpen"/> (a
    /// process that opens it again and again, such as the MCP server) the connection goes back to SQLite's pool when
    /// disposed instead of closing: closing the last connection checkpoints the write-ahead log and syncs the files
    /// to disk, which would cost every small write a few disk flushes; the log is checkpointed as it grows instead.
    /// </summary>
    public static SyncStateStore Open(string collectionDir, bool keepConnectionOpen = false)
    {
        string path = PathFor(collectionDir);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return OpenOrCreate(collectionDir, keepConnectionOpen);
        }
        // Only a file SQLite cannot read is set aside: a busy or locked database belongs to another process at work.
        catch (SqliteException unreadable) when (unreadable.SqliteErrorCode is SQLitePCL.raw.SQLITE_NOTADB or SQLitePCL.raw.SQLITE_CORRUPT)
        {
            SetAside(collectionDir);
            return OpenOrCreate(collectionDir, keepConnectionOpen);
        }
        catch (InvalidDataException)
        {
            SetAside(collectionDir);
            return OpenOrCreate(collectionDir, keepConnectionOpen);
        }
    }

    /// <summary>The Anki profile this collection belongs to, or null until the first sync or init that reached Anki.</summary>
    public string? ProfileName => ReadAppState("profile_name");

    /// <summary>The hash of the note-type definitions last pushed to Anki.</summary>
    public string? NoteTypeHash => ReadAppState("note_type_hash");

    /// <summary>
    /// Anki's clock (seconds) when the last sync read the notes' modification times, less a second. A note whose
    /// modification time is at or after it may have changed within the same second as a recorded one, so it is read again.
    /// </summary>
    public long AnkiClock => (long)Scalar(_connection, "SELECT anki_clock FROM app_state WHERE id = 1")!;

    /// <summary>Every note's state, by note key.</summary>
    public IReadOnlyDictionary<string, NoteSyncState> LoadNotes()
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT note_key, note_id, note_type, deck, markdown_fingerprint, anki_fingerprint, anki_mod, cards FROM note_state";
        // note_key is the primary key: one row per key.
        return command.ReadAll(ReadNote).ToDictionary(note => note.NoteKey, StringComparer.Ordinal);
    }

    private static NoteSyncState ReadNote(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.GetString(5), reader.GetInt64(6), SyncStateTransaction.ParseCards(reader.GetString(7)));

    /// <summary>The state of these notes (by note key), those that have one: a few notes' state without reading every row.</summary>
    public IReadOnlyDictionary<string, NoteSyncState> LoadNotes(IEnumerable<string> noteKeys)
    {
        ArgumentNullException.ThrowIfNull(noteKeys);
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT note_key, note_id, note_type, deck, markdown_fingerprint, anki_fingerprint, anki_mod, cards FROM note_state WHERE note_key = $key";
        SqliteParameter key = command.Parameters.Add("$key", SqliteType.Text);
        Dictionary<string, NoteSyncState> notes = new(StringComparer.Ordinal);
        foreach (string noteKey in noteKeys)
        {
            key.Value = noteKey;
            foreach (NoteSyncState note in command.ReadAll(ReadNote))
                notes[note.NoteKey] = note;
        }
        return notes;
    }

    /// <summary>For each media file name, the content digest last uploaded to Anki.</summary>
    public IReadOnlyDictionary<string, string> LoadPushedMedia()
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT name, pushed_digest FROM media_state";
        return command.ReadAll(reader => (Name: reader.GetString(0), Digest: reader.GetString(1))).ToDictionary(row => row.Name, row => row.Digest, StringComparer.Ordinal);
    }

    /// <summary>
    /// Starts the one write transaction of a run; nothing is stored until <see cref="SyncStateTransaction.Commit"/>.
    /// The recorded <see cref="SyncAgreement"/> is forgotten first: it vouches for the state as it was, profile link included.
    /// </summary>
    public SyncStateTransaction BeginWrite()
    {
        SyncAgreement.Forget(_collectionDir);
        return new(_connection, _connection.BeginTransaction());
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private string? ReadAppState(string column)
    {
        using SqliteCommand command = _connection.CreateCommand();
        // The column name is one of this class's constants, never user input.
#pragma warning disable CA2100
        command.CommandText = $"SELECT {column} FROM app_state WHERE id = 1";
#pragma warning restore CA2100
        return command.ExecuteScalar() as string;
    }

    private static SyncStateStore OpenOrCreate(string collectionDir, bool pooling)
    {
        string path = PathFor(collectionDir);
        SqliteConnection connection = new(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = pooling,
            DefaultTimeout = 5,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
            long version = (long)Scalar(connection, "PRAGMA user_version")!;
            if (version == 0 && IsEmpty(connection))
            {
                // Checked again once this connection holds the write lock: another process (a second server starting on
                // the same new folder) may have created the schema in between.
                using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
                if (IsEmpty(connection, transaction))
                {
                    // A new state links nothing yet: an agreement recorded with the one it replaces no longer holds.
                    SyncAgreement.Forget(collectionDir);
                    Execute(connection, Schema + string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {SchemaVersion};"), transaction);
                }
                transaction.Commit();
                version = (long)Scalar(connection, "PRAGMA user_version")!;
            }
            if (version != SchemaVersion)
            {
                throw new InvalidDataException($"{path} has schema version {version}, expected {SchemaVersion}.");
            }
            return new SyncStateStore(connection, collectionDir);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void SetAside(string collectionDir)
    {
        string path = PathFor(collectionDir);
        SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "-wal", "-shm" })
            File.Delete(path + suffix);
        File.Move(path, path + ".corrupt", overwrite: true);
    }

    private static bool IsEmpty(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        (long)Scalar(connection, "SELECT count(*) FROM sqlite_master", transaction)! == 0;

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // constant SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // constant SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
