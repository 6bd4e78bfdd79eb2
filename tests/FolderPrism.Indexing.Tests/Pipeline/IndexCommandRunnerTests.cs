using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Indexing.Tests.Pipeline;

/// <summary><c>folderprism index [--rescan]</c>: foreground run to completion, with progress and a summary.</summary>
public sealed class IndexCommandRunnerTests
{
    [Fact]
    public async Task Index_runs_every_job_to_completion_and_summarises()
    {
        await using var f = await PipelineFixture.CreateAsync(start: false);
        for (var n = 0; n < 20; n++)
        {
            f.Write($"a/{n}.jpg");
        }

        f.Write("broken.jpg", "CORRUPT");
        f.Write("bad.jpg", "POISON");
        f.Write(".DS_Store");
        var reports = new List<IndexProgress>();
        var runner = f.Services.GetRequiredService<IndexCommandRunner>();

        var summary = await runner.RunAsync(rescan: false, new SynchronousProgress(reports), default);

        summary.FilesOnDisk.ShouldBe(22);
        summary.FilesQueued.ShouldBe(22);
        summary.Analyzed.ShouldBe(21);
        summary.ThumbnailsMade.ShouldBe(20);
        summary.Damaged.ShouldBe(1);
        summary.Failed.ShouldBe(2);
        summary.Quarantined.ShouldBe(1);
        summary.ItemsInIndex.ShouldBe(22);
        reports.ShouldContain(r => r.Phase == IndexPhase.Scanning);
        reports.Last().Phase.ShouldBe(IndexPhase.Done);
        reports.Where(r => r.Phase == IndexPhase.Processing).ShouldAllBe(r => r.Completed <= r.Total);
        (await f.QueryAsync(db => db.IndexJobs.CountAsync(j => j.State != JobState.Quarantined))).ShouldBe(0);

        var again = await runner.RunAsync(rescan: false, null, default);
        again.FilesQueued.ShouldBe(0);
        again.Analyzed.ShouldBe(0);

        var rescan = await runner.RunAsync(rescan: true, null, default);
        rescan.FilesQueued.ShouldBe(22);
        rescan.Analyzed.ShouldBe(21);
        rescan.ThumbnailsMade.ShouldBe(0); // same bytes: thumbnails already there
    }

    private sealed class SynchronousProgress(List<IndexProgress> sink) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
