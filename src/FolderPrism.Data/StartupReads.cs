using FolderPrism.Core.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FolderPrism.Data;

/// <summary>
/// The few reads the daemon makes before it listens (are the migrations applied, is there any user), done with plain
/// ADO.NET on the database file. Going through EF Core instead builds its model, its internal services and a compiled
/// query first: about a second of CPU on the start-up path of a Pi-class box, all of it before <c>/healthz</c> is ok.
/// </summary>
public sealed class StartupReads(IOptions<DataOptions> data)
{
    public string DatabasePath => data.Value.DatabasePath;

    /// <summary>The ids in <c>__EFMigrationsHistory</c>; null when the database or the history table does not exist yet.</summary>
    public async Task<IReadOnlySet<string>?> AppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(DatabasePath))
        {
            return null;
        }

        await using var connection = await OpenAsync(cancellationToken);
        if (!await TableExistsAsync(connection, "__EFMigrationsHistory", cancellationToken))
        {
            return null;
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    /// <summary>Whether the users table has a row (call after migrating).</summary>
    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM \"Users\")";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) != 0;
    }

    /// <summary>
    /// Whether any row could need the trash's start-up repair: a trashed item or a displaced version. Uses the partial
    /// index on trashed rows, so it stays a few page reads on a library of any size.
    /// </summary>
    public async Task<bool> AnyTrashedOrDisplacedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM \"MediaItems\" WHERE \"TrashedAt\" IS NOT NULL) " +
                              "OR EXISTS (SELECT 1 FROM \"DisplacedVersions\")";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) != 0;
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        SqliteReads.OpenAsync(DatabasePath, cancellationToken);

    private static async Task<bool> TableExistsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }
}
