using System.Threading.Channels;
using FolderPrism.Core.Configuration;
using FolderPrism.Indexing.Jobs;
using FolderPrism.Indexing.Scanning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Watching;

/// <summary>
/// Keeps the index in step with <c>Originals/</c>: a recursive <see cref="FileSystemWatcher"/> feeds the
/// <see cref="ChangeCoalescer"/>; overflow/errors, start-up (after possible downtime, in the background so serving is
/// ready first) and a schedule trigger a reconciling scan. Nothing here reads the whole index before the host is ready.
/// </summary>
public sealed class LibraryWatcherService(
    ChangeCoalescer coalescer,
    ReconcileScanner scanner,
    ReconcileTrigger reconcile,
    IOptions<IndexingOptions> options,
    IOptions<LibraryOptions> library,
    IHostApplicationLifetime lifetime,
    ILogger<LibraryWatcherService> logger) : BackgroundService
{
    private readonly Channel<FsEvent> _events = Channel.CreateUnbounded<FsEvent>(new UnboundedChannelOptions { SingleReader = true });
    private FileSystemWatcher? _watcher;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        var originals = library.Value.OriginalsPath;
        Directory.CreateDirectory(originals);
        if (settings.EnableWatcher)
        {
            try
            {
                _watcher = StartWatcher(originals, settings.WatcherBufferSize);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // e.g. the inotify watch limit (fs.inotify.max_user_watches) is reached on a huge library.
                logger.LogError(ex, "Cannot watch {Originals}; the index is kept fresh by reconciles only (every {Interval})",
                    originals, settings.ReconcileInterval);
            }
        }

        var coalescing = RunCoalescerAsync(stoppingToken);
        try
        {
            // The start-up reconcile reads the whole index: counted from when the host is serving, not from launch.
            if (await HostStarted.WaitAsync(lifetime, stoppingToken))
            {
                await Task.Delay(settings.StartupReconcileDelay, stoppingToken);
            }

            reconcile.Request("start-up");
            while (!stoppingToken.IsCancellationRequested)
            {
                var interval = settings.ReconcileInterval > TimeSpan.Zero ? settings.ReconcileInterval : Timeout.InfiniteTimeSpan;
                var reason = await reconcile.WaitAsync(interval, stoppingToken) ?? "schedule";
                await ReconcileAsync(reason, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            _watcher?.Dispose();
            _events.Writer.TryComplete();
            await coalescing;
        }
    }

    /// <summary>Test seam: stop receiving events, as if the watcher had lost them.</summary>
    internal void SuspendEvents()
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }
    }

    /// <summary>Handles a watcher error exactly like <see cref="FileSystemWatcher.Error"/> does (also a test seam).</summary>
    internal void OnError(Exception error)
    {
        logger.LogWarning("File watcher error ({Message}); reconciling the index with the disk", error.Message);
        try
        {
            if (_watcher is { EnableRaisingEvents: false })
            {
                _watcher.EnableRaisingEvents = true;
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or ArgumentException)
        {
            logger.LogError(ex, "Could not restart the file watcher; relying on scheduled reconciles");
        }

        _events.Writer.TryWrite(new FsEvent(FsEventKind.Overflow, null));
    }

    private FileSystemWatcher StartWatcher(string originals, int bufferSize)
    {
        var watcher = new FileSystemWatcher(originals)
        {
            IncludeSubdirectories = true,
            InternalBufferSize = Math.Clamp(bufferSize, 4096, 64 * 1024),
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, e) => Post(FsEventKind.Created, e.FullPath);
        watcher.Changed += (_, e) => Post(FsEventKind.Changed, e.FullPath);
        watcher.Deleted += (_, e) => Post(FsEventKind.Deleted, e.FullPath);
        watcher.Renamed += (_, e) => _events.Writer.TryWrite(new FsEvent(
            FsEventKind.Renamed, LibraryPaths.ToRelative(originals, e.FullPath), LibraryPaths.ToRelative(originals, e.OldFullPath)));
        watcher.Error += (_, e) => OnError(e.GetException());
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {Originals}", originals);
        return watcher;

        void Post(FsEventKind kind, string fullPath) =>
            _events.Writer.TryWrite(new FsEvent(kind, LibraryPaths.ToRelative(originals, fullPath)));
    }

    private async Task RunCoalescerAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await coalescer.RunAsync(_events.Reader, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Change coalescer failed; restarting it and reconciling");
                reconcile.Request("coalescer failure");
            }
        }
    }

    private async Task ReconcileAsync(string reason, CancellationToken stoppingToken)
    {
        try
        {
            logger.LogInformation("Reconciling the index with the disk ({Reason})", reason);
            await scanner.ScanAsync(null, forceAnalyze: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Reconcile failed; retrying at the next trigger or schedule");
        }
    }
}
