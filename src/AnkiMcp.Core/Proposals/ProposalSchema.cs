using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AnkiMcp.Core.Proposals;

/// <summary>
/// The proposal database's schema, versioned in SQLite's <c>user_version</c>. Proposals cannot be rebuilt from anywhere
/// else, so an upgrade only ever adds: each migration runs in its own transaction, after a copy of the file is kept
/// next to it, and a file from a newer version is refused rather than touched.
/// </summary>
internal static class ProposalSchema
{
    // Version 1 is the schema as first shipped, unversioned (user_version 0): its IF NOT EXISTS statements upgrade such
    // a file without change and create a new one. Append migrations; never edit a shipped one.
    private static readonly string[] Migrations =
    [
        """
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
        """,
        // 2: the session that proposed a batch decides on it by default; batches from before have no owner.
        """
        ALTER TABLE batch ADD COLUMN owner_id TEXT;
        ALTER TABLE batch ADD COLUMN owner_name TEXT;
        CREATE INDEX batch_by_owner ON batch(owner_id);
        """,
    ];

    /// <summary>The version this code reads and writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Brings the database at <paramref name="path"/> to <see cref="CurrentVersion"/>.</summary>
    /// <exception cref="InvalidDataException">The file was written by a newer AnkiMcp.</exception>
    public static async Task MigrateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        int version = await VersionAsync(connection, cancellationToken);
        if (version > CurrentVersion)
        {
            throw new InvalidDataException($"{path} was written by a newer AnkiMcp (proposal schema {version}; this one knows up to {CurrentVersion}). " +
                "Update ankimcp; the file was left as it is.");
        }

        if (version < CurrentVersion && await HasTablesAsync(connection, cancellationToken))
            await BackUpAsync(connection, $"{path}.v{Math.Max(version, 1)}.bak", cancellationToken);

        // BeginTransaction takes the write lock up front, so of two processes upgrading at once the second waits and
        // then finds the version already raised.
        while (true)
        {
            await using SqliteTransaction transaction = connection.BeginTransaction();
            int current = await VersionAsync(connection, cancellationToken, transaction);
            if (current >= CurrentVersion)
                return;
            await using (SqliteCommand migrate = connection.CreateCommand())
            {
                migrate.Transaction = transaction;
                migrate.CommandText = Migrations[current] + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {current + 1};");
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<int> VersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<bool> HasTablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'batch'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    // A consistent copy even while other processes write (VACUUM INTO reads in one transaction); an older copy is kept.
    private static async Task BackUpAsync(SqliteConnection connection, string backupPath, CancellationToken cancellationToken)
    {
        if (File.Exists(backupPath))
            return;
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", backupPath);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException) when (File.Exists(backupPath))
        {
            // Another process upgrading at the same moment made the copy.
        }
    }
}
