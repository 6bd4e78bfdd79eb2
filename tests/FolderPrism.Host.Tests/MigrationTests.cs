using FolderPrism.Data;
using FolderPrism.Data.CompiledModels;
using FolderPrism.Data.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FolderPrism.Host.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Model_has_no_changes_without_a_migration()
    {
        using var dir = new TempDirectory();
        await using var db = Create(Path.Combine(dir.Path, "model.db"));
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "the EF model changed without a migration: run ./scripts/add-migration.sh <Name>");
    }

    [Fact]
    public async Task Compiled_model_is_the_one_in_use_and_matches_the_configurations()
    {
        using var dir = new TempDirectory();
        await using var db = Create(Path.Combine(dir.Path, "compiled.db"));
        db.Model.ShouldBeOfType<FolderPrismDbContextModel>("the daemon should not build its model by reflection at start");
        var built = db.GetService<IDesignTimeModel>().Model;
        var stale = "the compiled model is stale: run ./scripts/optimize-model.sh";
        // Annotations differ by design (the read-optimised model drops design-time ones), so compare the structure
        // (entities, properties, keys, indexes, foreign keys) and the table and column each property maps to.
        db.Model.ToDebugString(MetadataDebugStringOptions.IncludePropertyIndexes)
            .ShouldBe(built.ToDebugString(MetadataDebugStringOptions.IncludePropertyIndexes), stale);
        Columns(db.Model).ShouldBe(Columns(built), stale);
    }

    /// <summary>One line per property: its table and column, CLR type, nullability, store type and converter.</summary>
    private static string Columns(IModel model) => string.Join('\n',
        from e in model.GetEntityTypes().OrderBy(e => e.Name)
        from p in e.GetProperties()
        let mapping = p.FindTypeMapping()
        select $"{e.Name} {e.GetTableName()}.{p.GetColumnName()} {p.ClrType} null={p.IsNullable} " +
               $"{(mapping as RelationalTypeMapping)?.StoreType} {mapping?.Converter?.ProviderClrType}");

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

    [Fact]
    public async Task A_lock_row_left_by_a_killed_migration_does_not_block_the_next_start()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "crashed.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            // What EF Core leaves behind when the process dies while holding its migration lock.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);" +
                "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-01-01 00:00:00');";
            await command.ExecuteNonQueryAsync();
        }

        var factory = new PooledDbContextFactory<FolderPrismDbContext>(
            new DbContextOptionsBuilder<FolderPrismDbContext>()
                .UseSqlite(DataServiceCollectionExtensions.ConnectionStringFor(path))
                .AddInterceptors(new SqlitePragmaInterceptor())
                .Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await new DatabaseMigrator(factory).MigrateAsync(timeout.Token);

        await using var db = Create(path);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_database_of_the_first_release_upgrades_in_place_and_keeps_its_rows()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "released.db");
        await using (var db = Create(path))
        {
            // The schema as first landed: only the first migration applied, with data in it.
            var first = db.Database.GetMigrations().First();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(first);
            (await db.Database.GetPendingMigrationsAsync()).ShouldNotBeEmpty("this build must bring migrations beyond the first");
            db.Users.Add(new Core.Users.User { Name = "kept", PasswordHash = "h", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var factory = new PooledDbContextFactory<FolderPrismDbContext>(
            new DbContextOptionsBuilder<FolderPrismDbContext>()
                .UseSqlite(DataServiceCollectionExtensions.ConnectionStringFor(path))
                .AddInterceptors(new SqlitePragmaInterceptor())
                .Options);
        await new DatabaseMigrator(factory).MigrateAsync(CancellationToken.None);

        await using var upgraded = Create(path);
        (await upgraded.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await upgraded.Users.SingleAsync()).Name.ShouldBe("kept");
        (await upgraded.Labels.CountAsync()).ShouldBe(0, "tables of later migrations exist and can be queried");
    }

    [Fact]
    public async Task An_upgraded_library_gets_its_hashed_images_banded_queued_and_then_paired()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "before-near.db");
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await using (var db = Create(path))
        {
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_NearDuplicates", StringComparison.Ordinal)).Last();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before);
            var hashes = new long?[] { 0x1234_5678_9abc_def0, 0x1234_5678_9abc_def1, null };
            for (var i = 0; i < ids.Length; i++)
            {
                // Plain SQL: the model of this build has tables the old schema lacks, but MediaItems is as it was.
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO MediaItems (Id, RelativePath, State, Size, ModifiedUtc, Kind, TakenLocal, TakenSource, Width, Height,
                      PerceptualHash, ThumbnailState, IsDamaged, FirstSeenAt)
                    VALUES ({ids[i]}, {"p" + i + ".jpg"}, 0, {1000 - i}, '2020-01-01 00:00:00', 1, '2019-06-21 12:00:00', 0, 640, 480,
                      {hashes[i]}, 1, 0, '2020-01-01 00:00:00+00:00')
                    """);
            }
        }

        var factory = new PooledDbContextFactory<FolderPrismDbContext>(
            new DbContextOptionsBuilder<FolderPrismDbContext>()
                .UseSqlite(DataServiceCollectionExtensions.ConnectionStringFor(path))
                .AddInterceptors(new SqlitePragmaInterceptor())
                .Options);
        await new DatabaseMigrator(factory).MigrateAsync(CancellationToken.None);
        await using (var db = Create(path))
        {
            (await db.Set<Data.Entities.PerceptualBand>().CountAsync()).ShouldBe(2);
            (await db.Set<Data.Entities.NearDuplicatePending>().Select(p => p.ItemId).ToListAsync()).ShouldBe(ids[..2], ignoreOrder: true);
        }

        var linker = new Indexing.Import.NearDuplicateLinker(factory, new Indexing.IndexWriteGate(),
            Microsoft.Extensions.Options.Options.Create(new Indexing.Import.ImportOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Indexing.Import.NearDuplicateLinker>.Instance);
        await linker.DrainAsync(CancellationToken.None);
        await using (var db = Create(path))
        {
            (await db.Set<Data.Entities.NearDuplicatePending>().CountAsync()).ShouldBe(0);
            (await db.Set<Data.Entities.NearDuplicatePair>().Select(p => p.ItemId).ToListAsync()).ShouldBe(ids[..2], ignoreOrder: true);
        }
    }

    [Fact]
    public async Task Start_up_check_knows_the_same_migrations_as_ef_core()
    {
        using var dir = new TempDirectory();
        await using var db = Create(Path.Combine(dir.Path, "ids.db"));
        DatabaseMigrator.KnownMigrations.ShouldBe(db.Database.GetMigrations().ToList());
        DatabaseMigrator.KnownMigrations.Count.ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task Plain_sql_start_up_reads_see_missing_partial_and_full_schemas()
    {
        using var dir = new TempDirectory();
        var reads = new StartupReads(Microsoft.Extensions.Options.Options.Create(new Core.Configuration.DataOptions { Path = dir.Path }));
        (await reads.AppliedMigrationsAsync(CancellationToken.None)).ShouldBeNull("no database file yet");

        await using (var db = Create(reads.DatabasePath))
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(DatabaseMigrator.KnownMigrations[0]);
        }

        (await reads.AppliedMigrationsAsync(CancellationToken.None))!.ShouldBe([DatabaseMigrator.KnownMigrations[0]]);
        (await reads.AnyUserAsync(CancellationToken.None)).ShouldBeFalse();

        var factory = new PooledDbContextFactory<FolderPrismDbContext>(
            new DbContextOptionsBuilder<FolderPrismDbContext>()
                .UseSqlite(DataServiceCollectionExtensions.ConnectionStringFor(reads.DatabasePath))
                .AddInterceptors(new SqlitePragmaInterceptor())
                .Options);
        await new DatabaseMigrator(factory, reads).MigrateAsync(CancellationToken.None);

        (await reads.AppliedMigrationsAsync(CancellationToken.None))!.Order(StringComparer.Ordinal).ShouldBe(DatabaseMigrator.KnownMigrations);
        await using (var db = Create(reads.DatabasePath))
        {
            db.Users.Add(new Core.Users.User { Name = "x", PasswordHash = "h", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        (await reads.AnyUserAsync(CancellationToken.None)).ShouldBeTrue();
    }

    private static FolderPrismDbContext Create(string path) => new(
        new DbContextOptionsBuilder<FolderPrismDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.ConnectionStringFor(path))
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options);
}
