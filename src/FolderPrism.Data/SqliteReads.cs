using Microsoft.Data.Sqlite;

namespace FolderPrism.Data;

/// <summary>
/// A plain, pooled SQLite connection for reads that run all the time while the daemon serves (a login's user row, the
/// index queue's idle poll, a folder's ETags). Why not EF Core there: every LINQ query builds and compares an
/// expression tree, which keeps ~10 MB of EF Core, Relational and System.Linq.Expressions code resident in a daemon
/// that is otherwise only serving files (issue 3's RSS goal). Writes and rare reads stay on EF Core.
/// </summary>
public static class SqliteReads
{
    /// <summary>Opens a connection to <paramref name="databasePath"/> that waits for a writer's lock instead of failing.</summary>
    public static async Task<SqliteConnection> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(DataServiceCollectionExtensions.ConnectionStringFor(databasePath));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=10000;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
