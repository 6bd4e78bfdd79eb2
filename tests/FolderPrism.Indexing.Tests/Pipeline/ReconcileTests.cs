using FolderPrism.Core.Library;
using FolderPrism.Indexing.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Indexing.Tests.Pipeline;

/// <summary>Lost events (overflow, errors, downtime) are repaired by comparing the disk with the index.</summary>
public sealed class ReconcileTests
{
    [Fact]
    public async Task Overflow_triggers_a_reconcile_that_fixes_the_index()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("keep.jpg");
        f.Write("delete.jpg");
        f.Write("move.jpg", "moved while blind");
        f.Write("change.jpg", "v1");
        var moved = await f.WaitIndexedAsync("move.jpg");
        await f.WaitIndexedAsync("delete.jpg");
        var changed = await f.WaitIndexedAsync("change.jpg");
        await f.WaitIndexedAsync("keep.jpg");
        await f.AttachUserTagAndPersonAsync(moved.Id, "survivor", "Dan");

        var watcher = f.Services.GetRequiredService<LibraryWatcherService>();
        watcher.SuspendEvents();
        File.Delete(f.Full("delete.jpg"));
        Directory.CreateDirectory(f.Full("elsewhere"));
        File.Move(f.Full("move.jpg"), f.Full("elsewhere/moved.jpg"));
        f.Write("change.jpg", "v2 with more bytes");
        f.Write("new/fresh.jpg");
        watcher.OnError(new InternalBufferOverflowException("simulated overflow"));

        await f.WaitForItemAsync("delete.jpg", i => i.State == ItemState.Missing, "deleted");
        await f.WaitIndexedAsync("new/fresh.jpg");
        var c = await f.WaitForItemAsync("change.jpg", i => i.ContentHash != changed.ContentHash && i.AnalyzedAt != null, "re-hashed");
        c.Id.ShouldBe(changed.Id);
        var m = await f.WaitIndexedAsync("elsewhere/moved.jpg");
        m.Id.ShouldBe(moved.Id);
        m.Tags.ShouldContain(t => t.Tag!.Name == "survivor");
        (await f.ItemAsync("move.jpg")).ShouldBeNull();

        // The watcher was restarted by the error path: live events flow again.
        f.Write("after.jpg");
        await f.WaitIndexedAsync("after.jpg");
    }

    [Fact]
    public async Task Startup_after_downtime_reconciles_in_the_background()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("a.jpg", "AAA");
        f.Write("b.jpg");
        var a = await f.WaitIndexedAsync("a.jpg");
        await f.WaitIndexedAsync("b.jpg");
        var analysesBefore = f.Analyzer.Calls;

        await f.RestartAsync(() =>
        {
            Directory.CreateDirectory(f.Full("sorted"));
            File.Move(f.Full("a.jpg"), f.Full("sorted/a.jpg"));
            File.Delete(f.Full("b.jpg"));
            f.Write("c.jpg");
            return Task.CompletedTask;
        });

        (await f.WaitIndexedAsync("sorted/a.jpg")).Id.ShouldBe(a.Id);
        await f.WaitIndexedAsync("c.jpg");
        await f.WaitForItemAsync("b.jpg", i => i.State == ItemState.Missing, "missing after downtime");
        f.Analyzer.Calls.ShouldBe(2); // only what changed was hashed (fresh analyzer instance after restart)
        analysesBefore.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Unchanged_library_is_not_rehashed_on_restart()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("a.jpg");
        await f.WaitIndexedAsync("a.jpg");
        await f.WaitUntilAsync(async () => (await StatusAsync(f)).LastReconcile is not null, "first start-up reconcile");
        var first = (await StatusAsync(f)).LastReconcile!.Value;

        await f.RestartAsync();

        await f.WaitUntilAsync(async () => (await StatusAsync(f)).LastReconcile > first, "start-up reconcile after restart");
        var status = await StatusAsync(f);
        status.Items.ShouldBe(1);
        status.LastReconcileSummary.ShouldNotBeNull().ShouldStartWith("1 files, 0 queued");
        f.Analyzer.Calls.ShouldBe(0);
        (await f.QueryAsync(db => db.IndexJobs.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Scheduled_reconcile_keeps_the_index_fresh_without_a_watcher()
    {
        await using var f = await PipelineFixture.CreateAsync(settings: new()
        {
            ["Indexing:EnableWatcher"] = "false",
            ["Indexing:ReconcileInterval"] = "00:00:00.500",
        });
        await f.WaitUntilAsync(async () => (await StatusAsync(f)).LastReconcile is not null, "start-up reconcile");

        f.Write("late/arrival.jpg");

        await f.WaitIndexedAsync("late/arrival.jpg");
    }

    [Fact]
    public async Task Start_up_does_not_scan_before_the_host_is_ready()
    {
        await using var f = await PipelineFixture.CreateAsync(start: false);
        f.Write("a.jpg");

        // Host started with a long start-up delay: nothing may have been read or queued yet.
        await f.RestartAsync(settings: new() { ["Indexing:StartupReconcileDelay"] = "00:10:00" });

        (await StatusAsync(f)).LastReconcile.ShouldBeNull();
        (await f.QueryAsync(db => db.MediaItems.CountAsync())).ShouldBe(0);
        f.Analyzer.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_reconcile_applies_the_walk_in_batches_as_it_streams()
    {
        await using var f = await PipelineFixture.CreateAsync(settings: new()
        {
            ["Indexing:EnableWatcher"] = "false",
            ["Indexing:StartupReconcileDelay"] = "00:10:00",
            ["Indexing:BatchSize"] = "2",
        });
        var paths = new[] { "a.jpg", "b.jpg", "x/c.jpg", "x/d.jpg", "x/y/e.jpg", "z/f.jpg", "z/g.jpg" };
        foreach (var path in paths)
        {
            f.Write(path, path);
        }

        var scanner = f.Services.GetRequiredService<Scanning.ReconcileScanner>();
        var first = await scanner.ScanAsync(null, forceAnalyze: false, CancellationToken.None);

        first.FilesOnDisk.ShouldBe(paths.Length);
        first.Queued.ShouldBe(paths.Length);
        var indexed = await f.QueryAsync(db => db.MediaItems.Select(i => i.RelativePath).ToListAsync());
        indexed.ShouldBe(paths, ignoreOrder: true);

        File.Delete(f.Full("x/y/e.jpg"));
        var second = await scanner.ScanAsync(null, forceAnalyze: false, CancellationToken.None);

        second.FilesOnDisk.ShouldBe(paths.Length - 1);
        second.MarkedMissing.ShouldBe(1);
        (await f.ItemAsync("x/y/e.jpg")).ShouldNotBeNull().State.ShouldBe(ItemState.Missing);
    }

    private static Task<Status.IndexStatusReport> StatusAsync(PipelineFixture f) =>
        f.Services.GetRequiredService<Status.IndexStatusService>().GetAsync(10, default);
}
