using FolderPrism.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Views.Trash;

/// <summary>
/// Repairs the trash once at start-up (before requests are served, so no view shows a half-moved file), then purges
/// items trashed longer than <see cref="ViewOptions.TrashRetentionDays"/> every <see cref="ViewOptions.TrashSweepInterval"/>.
/// </summary>
internal sealed class TrashExpiryService(
    TrashStore trash, TrashRepair repair, StartupReads reads, TimeProvider time, ILogger<TrashExpiryService> logger)
    : BackgroundService
{
    /// <summary>Nothing was trashed at start: the first sweep can wait an interval (nothing can expire sooner).</summary>
    private bool _emptyAtStart;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Nothing trashed, displaced or left in .trash/ (the usual start): nothing to repair, and two plain-SQL reads
        // instead of EF Core's model and first query on the way to listening.
        _emptyAtStart = !await NeedsRepairAsync(cancellationToken);
        var fixes = _emptyAtStart ? 0 : await repair.RepairAsync(cancellationToken);
        if (fixes > 0)
        {
            logger.LogWarning("Trash repair settled {Count} interrupted trash operations", fixes);
        }

        await base.StartAsync(cancellationToken);
    }

    private async Task<bool> NeedsRepairAsync(CancellationToken cancellationToken) =>
        (Directory.Exists(trash.Services.TrashRoot) && Directory.EnumerateFileSystemEntries(trash.Services.TrashRoot).Any())
        || await reads.AnyTrashedOrDisplacedAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = trash.Services.Options;
        if (options.TrashRetentionDays <= 0)
        {
            return;
        }

        var interval = options.TrashSweepInterval > TimeSpan.Zero ? options.TrashSweepInterval : TimeSpan.FromHours(1);
        if (_emptyAtStart)
        {
            await Task.Delay(interval, time, stoppingToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

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
