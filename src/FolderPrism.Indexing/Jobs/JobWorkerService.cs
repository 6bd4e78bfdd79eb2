using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// The daemon's background job runner: recovers interrupted jobs, then works the queue until shutdown. It starts only
/// once the host has started (is serving, <c>/healthz</c> ok): its first queries over the job and item tables would
/// otherwise compete for the CPU with start-up, and nothing is lost by waiting, the queue is persistent.
/// </summary>
public sealed class JobWorkerService(
    JobQueue queue, JobWorkerPool pool, Import.NearDuplicateLinker linker, IHostApplicationLifetime lifetime, ILogger<JobWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        // An upgraded library's backfill (or what a stop left queued) runs beside the job pool, not before it: on a big
        // library it takes long, and jobs link their own items as they go. DrainAsync only throws when cancelled.
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await linker.DrainAsync(stoppingToken);
                }
                catch (OperationCanceledException)
                {
                }
            },
            CancellationToken.None);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.RecoverInterruptedAsync(stoppingToken);
                var done = 0;
                await pool.RunAsync(JobPoolMode.Background, _ =>
                {
                    if (Interlocked.Increment(ref done) % 500 == 0)
                    {
                        logger.LogInformation("Indexing: {Done} jobs done", done);
                    }
                }, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never take the host down: log, wait, start over.
                logger.LogError(ex, "Index job runner failed; restarting in 10 s");
                await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
            }
        }
    }
}
