using FolderPrism.Core.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Host.Health;

/// <summary>
/// Every <c>Memory:NativeTrimSeconds</c> (default 10; 0 turns it off) hands the pages glibc holds free inside its
/// arenas back to the OS (<c>malloc_trim(0)</c>). Why: glibc returns only free memory at the top of a heap by itself;
/// SQLite, libvips, MetadataExtractor's native side and the runtime free blocks in the middle, which stay resident.
/// Measured with <c>Diagnostics:MemoryLogSeconds</c> while indexing <c>make bench-dav</c>'s tree: 12-15 MB free in the
/// arenas next to 10-12 MB in use. The thumbnailer and the vision worker already trim after each photo; analysis
/// jobs and WebDAV requests did not.
/// Once the server listens, it also pages out the code only start-up ran (<c>Memory:ReleaseMappedPagesAtStart</c>,
/// default on; see <see cref="MappedFiles"/>): EF Core's model building and migrations, configuration binding, DI
/// and Kestrel's start stay resident otherwise (measured: 14-19 MB lower RSS in the seconds after start).
/// </summary>
internal sealed class NativeHeapTrimService(
    IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<NativeHeapTrimService> logger) : BackgroundService
{
    public const string IntervalKey = "Memory:NativeTrimSeconds";
    public const string ReleaseAtStartKey = "Memory:ReleaseMappedPagesAtStart";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configuration.GetValue(ReleaseAtStartKey, true))
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            using var stopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
            await started.Task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return; // the host stopped before it started (e.g. the port is taken)
            }

            NativeHeap.ReleaseAfterBurst();
            var advised = MappedFiles.ReleaseColdPages();
            logger.LogDebug("Paged out the read-only file mappings ({Mb:F0} MB) after start-up", advised / 1048576.0);
        }

        var seconds = configuration.GetValue(IntervalKey, 10);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    var before = Environment.WorkingSet;
                    NativeHeap.ReleaseFreedMemory();
                    logger.LogDebug("malloc_trim: RSS {Before:F1} -> {After:F1} MB", before / 1048576.0, Environment.WorkingSet / 1048576.0);
                }
                else
                {
                    NativeHeap.ReleaseFreedMemory();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
