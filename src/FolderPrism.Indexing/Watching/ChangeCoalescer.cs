using System.Threading.Channels;
using FolderPrism.Core.Configuration;
using FolderPrism.Indexing.Scanning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Watching;

/// <summary>
/// Turns the watcher's noisy event stream into index updates. Events on one path restart its debounce; events under a
/// folder waiting for a scan join that scan; a file is indexed once size and mtime are equal on two checks a debounce
/// apart (half-copied files wait); everything due at once goes to the index in batched transactions. Renames are
/// applied at once so identity follows the file. The pending state lives in <see cref="RunAsync"/>'s loop (one reader),
/// not in fields, so the singleton holds no mutable state.
/// </summary>
public sealed class ChangeCoalescer(
    IndexWriter writer,
    ReconcileScanner scanner,
    ReconcileTrigger reconcile,
    IgnoreRules ignore,
    IOptions<IndexingOptions> options,
    IOptions<LibraryOptions> library,
    ILogger<ChangeCoalescer> logger)
{
    public async Task RunAsync(ChannelReader<FsEvent> events, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<string, PendingPath>(StringComparer.Ordinal);
        var debounce = options.Value.Debounce;
        Task<bool>? waitForEvent = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            while (events.TryRead(out var e))
            {
                await AcceptAsync(e, pending, debounce, cancellationToken);
            }

            var now = DateTime.UtcNow;
            if (pending.Values.Any(p => p.Due <= now))
            {
                await FlushDueAsync(pending, debounce, cancellationToken);
                continue;
            }

            waitForEvent ??= events.WaitToReadAsync(cancellationToken).AsTask();
            using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(WaitTime(pending.Values.Select(p => p.Due), now), delayCts.Token);
            var finished = await Task.WhenAny(waitForEvent, timer);
            await delayCts.CancelAsync();
            if (finished == waitForEvent)
            {
                if (!await waitForEvent)
                {
                    return; // channel completed
                }

                waitForEvent = null;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// How long the loop sleeps when nothing is due: until the earliest due path, or for ever (until an event) when
    /// nothing is pending. Never a negative span other than <see cref="Timeout.InfiniteTimeSpan"/>: clamping "nothing
    /// pending" to zero made the idle loop spin on a core.
    /// </summary>
    internal static TimeSpan WaitTime(IEnumerable<DateTime> dues, DateTime now)
    {
        var earliest = dues.DefaultIfEmpty(DateTime.MaxValue).Min();
        if (earliest == DateTime.MaxValue)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var delay = earliest - now;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private async Task AcceptAsync(
        FsEvent e, Dictionary<string, PendingPath> pending, TimeSpan debounce, CancellationToken cancellationToken)
    {
        var due = DateTime.UtcNow + debounce;
        switch (e.Kind)
        {
            case FsEventKind.Overflow:
                reconcile.Request("watcher overflow or error");
                return;
            case FsEventKind.Renamed when e.OldRelativePath is not null && e.RelativePath is not null:
                await RenameAsync(e.OldRelativePath, e.RelativePath, pending, due, cancellationToken);
                return;
        }

        if (e.RelativePath is null || !LibraryPaths.IsInside(e.RelativePath))
        {
            return;
        }

        Enqueue(e.RelativePath, e.Kind == FsEventKind.Created, pending, due);
    }

    private void Enqueue(string path, bool created, Dictionary<string, PendingPath> pending, DateTime due)
    {
        if (ignore.IsIgnored(path))
        {
            return;
        }

        // A change inside a folder already waiting for a scan is part of that scan.
        for (var parent = LibraryPaths.Parent(path); parent is not null; parent = LibraryPaths.Parent(parent))
        {
            if (pending.TryGetValue(parent, out var folder) && folder.ScanFolder)
            {
                folder.Due = due;
                return;
            }
        }

        if (!pending.TryGetValue(path, out var entry))
        {
            entry = new PendingPath();
            pending[path] = entry;
        }

        entry.Due = due;
        if (created && Directory.Exists(LibraryPaths.ToFull(library.Value.OriginalsPath, path)))
        {
            entry.ScanFolder = true;
            foreach (var child in pending.Keys.Where(k => LibraryPaths.IsUnder(k, path)).ToList())
            {
                pending.Remove(child);
            }
        }
    }

    private async Task RenameAsync(
        string oldPath, string newPath, Dictionary<string, PendingPath> pending, DateTime due, CancellationToken cancellationToken)
    {
        var oldTracked = LibraryPaths.IsInside(oldPath) && !ignore.IsIgnored(oldPath);
        var newTracked = LibraryPaths.IsInside(newPath) && !ignore.IsIgnored(newPath);
        // Pending work follows the file (e.g. a just-created file renamed before it settled).
        foreach (var key in pending.Keys.Where(k => k == oldPath || LibraryPaths.IsUnder(k, oldPath)).ToList())
        {
            pending.Remove(key);
            if (newTracked)
            {
                Enqueue(newPath + key[oldPath.Length..], created: false, pending, due);
            }
        }

        if (IgnoreRules.IsSidecar(oldPath) || IgnoreRules.IsSidecar(newPath))
        {
            if (oldTracked)
            {
                Enqueue(oldPath, created: false, pending, due); // re-queues the old owner at flush
            }

            if (newTracked)
            {
                Enqueue(newPath, created: false, pending, due);
            }

            return;
        }

        var isFolder = Directory.Exists(LibraryPaths.ToFull(library.Value.OriginalsPath, newPath));
        if (oldTracked && newTracked && await writer.RenameAsync(oldPath, newPath, cancellationToken))
        {
            if (isFolder)
            {
                Enqueue(newPath, created: true, pending, due); // verify the moved folder's content
            }

            return;
        }

        if (oldTracked)
        {
            Enqueue(oldPath, created: false, pending, due); // gone from here (e.g. renamed to a hidden name)
        }

        if (newTracked)
        {
            Enqueue(newPath, created: true, pending, due); // new here (e.g. an upload's temp file got its real name)
        }
    }

    private async Task FlushDueAsync(Dictionary<string, PendingPath> pending, TimeSpan debounce, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var originals = library.Value.OriginalsPath;
        var stable = new List<FileObservation>();
        var gone = new List<string>();
        var sidecars = new List<string>();
        var folders = new List<string>();
        foreach (var (path, entry) in pending.Where(p => p.Value.Due <= now).ToList())
        {
            var full = LibraryPaths.ToFull(originals, path);
            if (IgnoreRules.IsSidecar(path) && !Directory.Exists(full))
            {
                sidecars.Add(path);
                pending.Remove(path);
            }
            else if (Directory.Exists(full))
            {
                if (entry.ScanFolder)
                {
                    folders.Add(path);
                }

                pending.Remove(path);
            }
            else if (new FileInfo(full) is { Exists: true } info)
            {
                var stat = (info.Length, info.LastWriteTimeUtc.Ticks);
                if (entry.LastStat == stat)
                {
                    stable.Add(FileObservation.From(path, info));
                    pending.Remove(path);
                }
                else
                {
                    entry.LastStat = stat; // still being written, or first look: check again later
                    entry.Due = now + debounce;
                }
            }
            else
            {
                gone.Add(path);
                pending.Remove(path);
            }
        }

        try
        {
            await writer.ApplyObservationsAsync(stable, forceAnalyze: false, cancellationToken);
            await writer.MarkMissingAsync(gone, cancellationToken);
            foreach (var sidecar in sidecars)
            {
                await writer.RequeueSidecarOwnersAsync(sidecar, cancellationToken);
            }

            foreach (var folder in folders)
            {
                await scanner.ScanAsync(folder, forceAnalyze: false, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The events are lost with this batch; a reconcile restores the truth.
            logger.LogError(ex, "Applying file changes failed; scheduling a reconcile");
            reconcile.Request("failed to apply watcher changes");
        }
    }

    private sealed class PendingPath
    {
        public DateTime Due { get; set; }

        public bool ScanFolder { get; set; }

        public (long Size, long Ticks)? LastStat { get; set; }
    }
}
