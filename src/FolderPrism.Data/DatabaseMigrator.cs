using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FolderPrism.Data;

/// <summary>
/// Applies pending migrations, so every verb (daemon or CLI) works on an up-to-date schema.
/// EF Core's own SQLite migration lock is a table row that outlives a process killed mid-migration, after which every
/// start would wait forever. We serialise migrations with an OS file lock instead (released by the kernel when a
/// process dies), and while holding it any row left in EF's lock table is known to be stale and is cleared.
/// With <see cref="StartupReads"/> (the daemon and the CLI get it from DI) the usual answer, "already up to date",
/// costs no EF Core work at all.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<FolderPrismDbContext> factory, StartupReads? reads = null)
{
    /// <summary>
    /// The migrations this build knows, found the way EF Core finds them (<see cref="MigrationAttribute"/> on the
    /// <see cref="Migration"/> types of this assembly that belong to <see cref="FolderPrismDbContext"/>), without
    /// building EF Core's services.
    /// </summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = typeof(FolderPrismDbContext).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract
                    && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(FolderPrismDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (reads is not null && await reads.AppliedMigrationsAsync(cancellationToken) is { } applied
            && KnownMigrations.Count > 0 && KnownMigrations.All(applied.Contains))
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await IsUpToDateAsync(db, cancellationToken))
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        await using var fileLock = await AcquireFileLockAsync(dataSource + ".migrate.lock", cancellationToken);
        await ClearStaleEfLockAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// The usual start: every migration of this build is already applied. Two small reads say so; EF's full
    /// <c>MigrateAsync</c> would also take its lock and diff the model against the snapshot, ≈ 0.5 s of start-up CPU.
    /// A migration commits together with its history row, so a concurrent migration is seen either whole or not at all.
    /// </summary>
    private static async Task<bool> IsUpToDateAsync(FolderPrismDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        if (known.Count == 0)
        {
            return false;
        }

        // Our own read on the normal connection: EF's GetAppliedMigrations probes existence with a read-only
        // connection, on which the WAL pragma of a database not yet in WAL mode fails.
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText =
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 0)
            {
                return false;
            }

            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return known.All(applied.Contains);
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another process is migrating right now; it releases the lock when done or dead.
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static async Task ClearStaleEfLockAsync(FolderPrismDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText =
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            var exists = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
            if (exists)
            {
                command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
