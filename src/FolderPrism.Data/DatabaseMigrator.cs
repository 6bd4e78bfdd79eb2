using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Data;

/// <summary>
/// Applies pending migrations, so every verb (daemon or CLI) works on an up-to-date schema.
/// EF Core's own SQLite migration lock is a table row that outlives a process killed mid-migration, after which every
/// start would wait forever. We serialise migrations with an OS file lock instead (released by the kernel when a
/// process dies), and while holding it any row left in EF's lock table is known to be stale and is cleared.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<FolderPrismDbContext> factory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        await using var fileLock = await AcquireFileLockAsync(dataSource + ".migrate.lock", cancellationToken);
        await ClearStaleEfLockAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
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
