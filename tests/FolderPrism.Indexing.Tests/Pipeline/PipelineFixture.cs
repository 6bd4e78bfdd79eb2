using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Indexing.Tests.Pipeline;

/// <summary>
/// A real index pipeline on a temp library: real SQLite file, real files, real FileSystemWatcher, hosted services
/// started like in the daemon. Only the analyzer/processor are the test-only stand-ins.
/// </summary>
internal sealed class PipelineFixture : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private PipelineFixture(string root) => Root = root;

    public string Root { get; }

    public string Originals => Path.Combine(Root, "library", "Originals");

    public IHost Host { get; private set; } = null!;

    public TestOnlyMediaAnalyzer Analyzer { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    public static async Task<PipelineFixture> CreateAsync(bool start = true, Dictionary<string, string?>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "fp-index-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "library", "Originals"));
        var fixture = new PipelineFixture(root);
        await fixture.BuildAsync(start, settings);
        return fixture;
    }

    /// <summary>Stops the daemon (as if it went down) and builds a fresh one on the same library and database.</summary>
    public async Task RestartAsync(Func<Task>? whileDown = null, bool start = true, Dictionary<string, string?>? settings = null)
    {
        await StopAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        await BuildAsync(start, settings);
    }

    public async Task StopAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        SqliteClearPools();
    }

    public string Full(string relative) => Path.Combine(Originals, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relative, string? content = null)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content ?? $"{relative} {Guid.NewGuid()}");
        return full;
    }

    public async Task<T> QueryAsync<T>(Func<FolderPrismDbContext, Task<T>> query)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    public Task<MediaItem?> ItemAsync(string relative) =>
        QueryAsync(db => db.MediaItems.AsNoTracking().Include(i => i.Tags).ThenInclude(t => t.Tag)
            .Include(i => i.Faces).ThenInclude(f => f.Person).AsSplitQuery()
            .SingleOrDefaultAsync(i => i.RelativePath == relative));

    /// <summary>Polls until the item at <paramref name="relative"/> satisfies the condition, or fails after a generous timeout.</summary>
    public async Task<MediaItem> WaitForItemAsync(string relative, Func<MediaItem, bool> condition, string what)
    {
        MediaItem? last = null;
        await WaitUntilAsync(async () =>
        {
            last = await ItemAsync(relative);
            return last is not null && condition(last);
        }, $"{relative}: {what} (last: {(last is null ? "no row" : $"state={last.State} analyzed={last.AnalyzedAt} thumbs={last.ThumbnailState}")})");
        return last!;
    }

    public Task<MediaItem> WaitIndexedAsync(string relative) =>
        WaitForItemAsync(relative, i => i.State == ItemState.Present && i.AnalyzedAt is not null && i.ThumbnailState == ThumbnailState.Ready,
            "analysed with thumbnails");

    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>What a user does through FolderPrism: a tag and a named face that belong to the item, not the file.</summary>
    public async Task AttachUserTagAndPersonAsync(Guid itemId, string tag, string person)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var t = new Tag { Name = tag, FullPath = tag, CreatedAt = DateTimeOffset.UtcNow };
        var p = new Person { Name = person, CreatedAt = DateTimeOffset.UtcNow };
        db.AddRange(t, p);
        await db.SaveChangesAsync();
        db.ItemTags.Add(new ItemTag { ItemId = itemId, TagId = t.Id, Source = AssociationSource.User, AddedAt = DateTimeOffset.UtcNow });
        db.Faces.Add(new Face { ItemId = itemId, PersonId = p.Id, X = 0.5, Y = 0.5, Width = 0.1, Height = 0.1, Source = AssociationSource.User });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
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

    private async Task BuildAsync(bool start, Dictionary<string, string?>? settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var config = new Dictionary<string, string?>
        {
            ["Library:Path"] = Path.Combine(Root, "library"),
            ["Data:Path"] = Path.Combine(Root, "data"),
            ["Indexing:Debounce"] = "00:00:00.150",
            ["Indexing:StartupReconcileDelay"] = "00:00:00",
            ["Indexing:ReconcileInterval"] = "00:00:00",
            ["Indexing:RetryBackoff"] = "00:00:00.050",
            ["Indexing:WorkerCount"] = "1",
            ["Indexing:MaxAttempts"] = "3",
            // Tests share 2 busy cores with parallel builds; nice 10 workers would crawl. One test checks the priority.
            ["Indexing:LowerWorkerPriority"] = "false",
            ["Indexing:IgnorePatterns:0"] = "**/*.tmp",
            ["Indexing:IgnorePatterns:1"] = "Private/**",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddLogging(b => { if (Environment.GetEnvironmentVariable("FP_TEST_LOG") == "1") { b.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff "); b.SetMinimumLevel(LogLevel.Debug); } });
        builder.Services.Configure<LibraryOptions>(builder.Configuration.GetSection(LibraryOptions.SectionName));
        builder.Services.Configure<DataOptions>(builder.Configuration.GetSection(DataOptions.SectionName));
        builder.Services.AddFolderPrismData();
        builder.Services.AddFolderPrismIndexing(runInBackground: start);
        Analyzer = new TestOnlyMediaAnalyzer();
        builder.Services.AddSingleton<IMediaAnalyzer>(Analyzer);
        builder.Services.AddSingleton<IMediaProcessor>(new TestOnlyMediaProcessor(Path.Combine(Root, "data", "thumbs")));
        Host = builder.Build();
        await new DatabaseMigrator(Services.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>()).MigrateAsync(default);
        await Host.StartAsync();
    }

    private static void SqliteClearPools() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
