using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Indexing;
using FolderPrism.Indexing.Import;
using FolderPrism.Indexing.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Import.Tests;

/// <summary>A temp library + data folder with the real import engine, real analyzer, real SQLite index.</summary>
internal sealed class ImportFixture : IAsyncDisposable
{
    private ImportFixture(string root, ServiceProvider services)
    {
        Root = root;
        Services = services;
    }

    public string Root { get; }

    public ServiceProvider Services { get; }

    public string Library => Path.Combine(Root, "library");

    public string Originals => Path.Combine(Library, "Originals");

    public string ImportFolder => Path.Combine(Library, "Import");

    public string Data => Path.Combine(Root, "data");

    public string Sources => Path.Combine(Root, "sources");

    public ImportEngine Engine => Services.GetRequiredService<ImportEngine>();

    public static async Task<ImportFixture> CreateAsync(Dictionary<string, string?>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "fp-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var values = new Dictionary<string, string?>
        {
            ["Library:Path"] = Path.Combine(root, "library"),
            ["Data:Path"] = Path.Combine(root, "data"),
            ["Import:QuietPeriod"] = "00:00:00",
        };
        foreach (var (k, v) in settings ?? [])
        {
            values[k] = v;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.Configure<LibraryOptions>(config.GetSection(LibraryOptions.SectionName));
        services.Configure<DataOptions>(config.GetSection(DataOptions.SectionName));
        services.AddFolderPrismData();
        services.AddFolderPrismIndexing(runInBackground: false);
        services.AddFolderPrismMediaAnalysis(config);
        services.AddFolderPrismImport();
        services.AddSingleton<ImportFolderService>();
        var provider = services.BuildServiceProvider();
        await new DatabaseMigrator(provider.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>()).MigrateAsync(default);
        return new ImportFixture(root, provider);
    }

    public string Source(string relative) => Path.Combine(Sources, relative);

    public string Original(string relative) => Path.Combine(Originals, relative);

    public Task<ImportBatchResult> ImportAsync(bool move = false, bool dryRun = false, params string[] paths) =>
        Engine.RunAsync(new ImportRequest(paths.Length == 0 ? [Sources] : paths, move, dryRun), null, default);

    /// <summary>Every regular file under Originals/ (relative, '/' separators), hidden temps included.</summary>
    public List<string> LibraryFiles() =>
        Directory.Exists(Originals)
            ? Directory.EnumerateFiles(Originals, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Originals, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];

    public async Task<List<MediaItem>> ItemsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>().CreateDbContextAsync();
        return await db.MediaItems.AsNoTracking().Include(i => i.Albums).Include(i => i.Sidecars).OrderBy(i => i.RelativePath).ToListAsync();
    }

    public async Task<T> QueryAsync<T>(Func<FolderPrismDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
