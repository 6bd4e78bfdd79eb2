using System.Diagnostics;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Indexing.Jobs;
using FolderPrism.Indexing.Scanning;
using FolderPrism.Indexing.Status;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing;

/// <summary>
/// The logic of <c>folderprism index [--rescan]</c>: migrate, recover interrupted jobs, reconcile the disk with the
/// index (a rescan re-analyses everything), then run every job to completion in the foreground.
/// The host's verb only draws the progress bar and prints the summary.
/// </summary>
public sealed class IndexCommandRunner(
    IDbContextFactory<FolderPrismDbContext> factory,
    JobQueue queue,
    JobWorkerPool pool,
    ReconcileScanner scanner,
    IndexStatusService status)
{
    public async Task<IndexRunSummary> RunAsync(bool rescan, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await new DatabaseMigrator(factory).MigrateAsync(cancellationToken);
        var recovered = await queue.RecoverInterruptedAsync(cancellationToken);
        progress?.Report(new IndexProgress(IndexPhase.Scanning, 0, 0, null));
        var scan = await scanner.ScanAsync(null, rescan, cancellationToken);

        var total = await queue.CountOutstandingAsync(cancellationToken);
        var completed = 0;
        int analyzed = 0, thumbnails = 0, damaged = 0, failed = 0, quarantined = 0;
        progress?.Report(new IndexProgress(IndexPhase.Processing, 0, total, null));
        await pool.RunAsync(JobPoolMode.Foreground, outcome =>
        {
            var done = Interlocked.Increment(ref completed);
            switch (outcome.Result)
            {
                case JobResult.Succeeded when outcome.Kind == JobKind.Analyze:
                    Interlocked.Increment(ref analyzed);
                    Interlocked.Increment(ref total); // a derivatives job follows
                    break;
                case JobResult.Succeeded when outcome.Kind == JobKind.Derivatives:
                    Interlocked.Increment(ref thumbnails);
                    break;
                case JobResult.Damaged:
                    Interlocked.Increment(ref damaged);
                    break;
                case JobResult.Failed:
                    Interlocked.Increment(ref failed);
                    Interlocked.Increment(ref total); // it will be retried
                    break;
                case JobResult.Quarantined:
                    Interlocked.Increment(ref quarantined);
                    break;
            }

            progress?.Report(new IndexProgress(IndexPhase.Processing, done, Math.Max(done, Volatile.Read(ref total)), outcome.RelativePath));
        }, cancellationToken);

        var report = await status.GetAsync(0, cancellationToken);
        progress?.Report(new IndexProgress(IndexPhase.Done, completed, completed, null));
        return new IndexRunSummary(scan.FilesOnDisk, scan.Queued, scan.MarkedMissing, recovered, analyzed, thumbnails,
            damaged, failed, quarantined, report.Items, clock.Elapsed);
    }
}
