using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Indexing.Jobs;

/// <summary>The daemon's background job runner: recovers interrupted jobs, then works the queue until shutdown.</summary>
public sealed class JobWorkerService(JobQueue queue, JobWorkerPool pool, ILogger<JobWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
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
