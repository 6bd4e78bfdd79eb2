using FolderPrism.Data;
using FolderPrism.Data.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Host.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Model_has_no_changes_without_a_migration()
    {
        using var dir = new TempDirectory();
        await using var db = Create(Path.Combine(dir.Path, "model.db"));
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "the EF model changed without a migration: run ./scripts/regen-migration.sh");
    }

    [Fact]
    public async Task Migrations_create_a_working_database_in_wal_mode()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "fresh.db");
        await using (var db = Create(path))
        {
            await db.Database.MigrateAsync();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            db.Users.Add(new Core.Users.User { Name = "x", PasswordHash = "h", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            (await db.Users.CountAsync()).ShouldBe(1);
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        ((string?)await command.ExecuteScalarAsync()).ShouldBe("wal");
    }

    private static FolderPrismDbContext Create(string path) => new(
        new DbContextOptionsBuilder<FolderPrismDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.ConnectionStringFor(path))
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options);
}
