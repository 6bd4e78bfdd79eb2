using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Views.Sidecars;

/// <summary>
/// Drains <see cref="SidecarQueue"/> one item at a time (sidecar writes are small; one writer keeps the disk and the
/// watcher calm). On shutdown it finishes what is queued, so an orderly stop never leaves a sidecar behind the index.
/// </summary>
internal sealed class SidecarSyncService(SidecarQueue queue, IXmpSidecarWriter writer, ILogger<SidecarSyncService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await WriteOneAsync(id, CancellationToken.None); // short; never cut off half-way
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (queue.Reader.TryRead(out var id))
            {
                await WriteOneAsync(id, CancellationToken.None);
            }
        }
    }

    private async Task WriteOneAsync(Guid id, CancellationToken cancellationToken)
    {
        queue.Starting(id);
        try
        {
            await writer.WriteAsync(id, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogWarning("Could not write the XMP sidecar of item {Id}: {Message}", id, e.Message);
        }
        finally
        {
            queue.Finished();
        }
    }
}
