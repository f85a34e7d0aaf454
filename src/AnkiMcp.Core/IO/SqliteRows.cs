using Microsoft.Data.Sqlite;

namespace AnkiMcp.Core.IO;

/// <summary>Every row of a query as a value, so a store states only its query and what a row becomes.</summary>
internal static class SqliteRows
{
    public static List<T> ReadAll<T>(this SqliteCommand command, Func<SqliteDataReader, T> row)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        List<T> rows = [];
        while (reader.Read())
            rows.Add(row(reader));
        return rows;
    }

    public static async Task<List<T>> ReadAllAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> row, CancellationToken cancellationToken)
    {
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        List<T> rows = [];
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(row(reader));
        return rows;
    }
}
