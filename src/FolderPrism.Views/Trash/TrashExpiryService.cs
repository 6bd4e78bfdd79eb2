using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Views.Trash;

/// <summary>
/// Repairs the trash once at start-up (right after the server listens; trash operations wait for it), then purges
/// items trashed longer than <see cref="ViewOptions.TrashRetentionDays"/> every <see cref="ViewOptions.TrashSweepInterval"/>.
/// </summary>
internal sealed class TrashExpiryService(
    TrashStore trash, TrashRepair repair, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<TrashExpiryService> logger)
    : BackgroundService
{
    private Task<int> _repair = Task.FromResult(0);

    /// <summary>
    /// Takes the trash lock before the server listens and repairs once it does: trash operations wait for the repair,
    /// while start-up does not pay for reading every trashed row (EF Core's first query) before <c>/healthz</c> is ok.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _repair = repair.RepairAfterAsync(Started(lifetime), lifetime.ApplicationStopping);
        return base.StartAsync(cancellationToken);
    }

    private static Task Started(IHostApplicationLifetime lifetime)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        lifetime.ApplicationStopping.Register(() => started.TrySetResult()); // a start that fails: the repair is cancelled, the lock released
        return started.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var fixes = await _repair.WaitAsync(stoppingToken);
            if (fixes > 0)
            {
                logger.LogWarning("Trash repair settled {Count} interrupted trash operations", fixes);
            }
        }
        catch (OperationCanceledException)
        {
            return; // stopping (before or during the repair)
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            logger.LogError(e, "Trash repair failed; it runs again at the next start");
        }

        var options = trash.Services.Options;
        if (options.TrashRetentionDays <= 0)
        {
            return;
        }

        var interval = options.TrashSweepInterval > TimeSpan.Zero ? options.TrashSweepInterval : TimeSpan.FromHours(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await trash.ExpireAsync(time.GetUtcNow() - TimeSpan.FromDays(options.TrashRetentionDays), stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Trash expiry deleted {Count} items for good", purged);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                logger.LogWarning(e, "Trash expiry failed; retrying at the next sweep");
            }

            await Task.Delay(interval, time, stoppingToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }
}
