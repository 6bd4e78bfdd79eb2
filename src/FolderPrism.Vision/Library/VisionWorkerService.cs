using FolderPrism.Core.Threading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Vision.Library;

/// <summary>
/// The daemon's vision worker: a dedicated thread at nice 10 takes photos whose thumbnails exist, analyses them
/// (<see cref="VisionWorkerOptions.Parallelism"/> at a time, helpers at nice 10 too; models loaded lazily, released by
/// <see cref="VisionIdleReleaser"/> when idle), pauses while serving is busy, and re-clusters people after new faces arrived. Without installed models it only polls, cheaply.
/// Indexing is never blocked: it has its own workers and vision only reads rows indexing already finished.
/// </summary>
public sealed class VisionWorkerService(
    VisionProcessor processor,
    DescriptorRefresher refresher,
    PeopleClusteringRun clustering,
    ServingActivity activity,
    IOptions<VisionOptions> options,
    TimeProvider time,
    ILogger<VisionWorkerService> logger) : BackgroundService
{
    private long _photos;

    /// <summary>Photos analysed since start (for status and benchmarks).</summary>
    public long PhotosProcessed => Interlocked.Read(ref _photos);

    private const int TimingsEvery = 50;

    private Task _thread = Task.CompletedTask;
    private VisionStageTimes? _stages;
    private int _stagePhotos;
    private int _previews;
    private (int Gen0, int Gen1, int Gen2, TimeSpan Pause) _gcAtStart;

    /// <summary>Photos whose re-embedding failed (undecodable) in this run: not retried until restart.</summary>
    private readonly HashSet<Guid> _refreshFailed = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _thread = LowPriorityThread.Run("folderprism-vision", logger, () => Loop(stoppingToken))
            .ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return _thread;
    }

    /// <summary>
    /// Waits for the worker thread to leave the model it is running, even past the host's shutdown timeout: the
    /// model sessions are disposed with the container right after, and freeing a session mid-inference crashes ONNX
    /// Runtime. One photo takes seconds, so the wait is short.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _thread;
    }

    private void Loop(CancellationToken ct)
    {
        var settings = options.Value.Worker;
        if (!settings.Enabled)
        {
            logger.LogInformation("Vision worker disabled (Vision:Worker:Enabled = false)");
            return;
        }

        if (settings.MmapThreshold > 0 && !NativeAllocator.SetMmapThreshold(settings.MmapThreshold))
        {
            logger.LogDebug("Cannot set the malloc mmap threshold (not glibc?)");
        }

        var dirtyFaces = false;
        var lastCluster = time.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!processor.IsAvailable)
                {
                    ct.WaitHandle.WaitOne(settings.IdlePoll);
                    continue;
                }

                var batch = processor.ListPendingAsync(Math.Max(1, settings.BatchSize), ct).GetAwaiter().GetResult();
                if (batch.Count == 0)
                {
                    LogTimings();
                    // New photos first; then faces whose descriptor is another embedder's (or missing), a batch at a
                    // time. Clustering waits until they are done: a half re-embedded library would split people.
                    if (RefreshBatch(settings, ct))
                    {
                        dirtyFaces = true;
                        continue;
                    }

                    if (dirtyFaces)
                    {
                        Cluster(ct);
                        dirtyFaces = false;
                        lastCluster = time.GetTimestamp();
                    }

                    ct.WaitHandle.WaitOne(settings.IdlePoll);
                    continue;
                }

                dirtyFaces |= AnalyzeBatch(batch, settings, ct);
                if (dirtyFaces && time.GetElapsedTime(lastCluster) >= settings.ClusterInterval)
                {
                    Cluster(ct);
                    dirtyFaces = false;
                    lastCluster = time.GetTimestamp();
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never take the daemon down (e.g. a model failing to load): log, wait, try again.
                logger.LogError(ex, "Vision worker failed; retrying in 30 s");
                ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            }
        }
    }

    /// <summary>
    /// Analyses a batch on <see cref="VisionWorkerOptions.EffectiveParallelism"/> low-priority threads (this one and
    /// helpers started for the batch): ONNX Runtime sessions are thread-safe and each run uses one core, so two photos
    /// at once use both cores of a small box. While serving saw a request within <see cref="VisionWorkerOptions.ServingWindow"/>
    /// only <see cref="VisionWorkerOptions.ParallelismWhileServing"/> of them take photos, so requests find a free core
    /// instead of waking behind two busy vision threads. Saves are serialised (one short SQLite transaction each).
    /// Returns whether faces changed.
    /// </summary>
    private bool AnalyzeBatch(IReadOnlyList<PendingPhoto> batch, VisionWorkerOptions settings, CancellationToken ct)
    {
        var next = -1;
        var dirty = 0;
        var saveGate = new Lock();
        void Drain(int slot)
        {
            while (true)
            {
                // While serving is active, threads beyond ParallelismWhileServing step aside at photo boundaries so
                // a core stays free for requests; the batch still finishes on the remaining threads.
                if (slot >= settings.ParallelismWhileServing && activity.IsBusy(settings.ServingWindow) && !ct.IsCancellationRequested)
                {
                    if (Volatile.Read(ref next) >= batch.Count - 1)
                    {
                        return;
                    }

                    ct.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                    continue;
                }

                while (activity.IsBusy(settings.PauseAfterRequest) && !ct.IsCancellationRequested)
                {
                    ct.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                }

                ct.ThrowIfCancellationRequested();
                var i = Interlocked.Increment(ref next);
                if (i >= batch.Count)
                {
                    return;
                }

                var photo = batch[i];
                activity.VisionEnter();
                VisionOutcome outcome;
                try
                {
                    outcome = processor.Analyze(photo, ct);
                }
                finally
                {
                    activity.VisionExit();
                }

                if (outcome.Error is { } error)
                {
                    logger.LogWarning("Vision skipped {Path}: {Error}", photo.RelativePath, error);
                }

                lock (saveGate)
                {
                    if (processor.SaveAsync(outcome, ct).GetAwaiter().GetResult() > 0 || photo.Regions.Count > 0)
                    {
                        dirty = 1;
                    }

                    Record(outcome.Result?.Timings);
                }

                Interlocked.Increment(ref _photos);
                NativeHeap.ReleaseFreedMemory(); // the photo's decode buffers and model activations, back to the OS
            }
        }

        var helpers = Enumerable.Range(1, Math.Min(settings.EffectiveParallelism, batch.Count) - 1)
            .Select(n => LowPriorityThread.Run($"folderprism-vision-{n}", logger, () => Drain(n)))
            .ToList();
        try
        {
            Drain(0);
        }
        finally
        {
            // Never leave a helper running a model past this batch (the sessions may be released or disposed next).
            Interlocked.Exchange(ref next, batch.Count);
            foreach (var helper in helpers)
            {
                helper.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Wait(CancellationToken.None);
            }
        }

        foreach (var failed in helpers.Where(h => h.IsFaulted))
        {
            throw failed.Exception!.GetBaseException();
        }

        return dirty != 0;
    }

    /// <summary>
    /// Re-embeds one batch of photos with stale descriptors (<see cref="DescriptorRefresher"/>) on this thread,
    /// pausing while serving is busy like analysis does. Returns false when there was nothing to do.
    /// </summary>
    private bool RefreshBatch(VisionWorkerOptions settings, CancellationToken ct)
    {
        var stale = refresher.ListStaleAsync(Math.Max(1, settings.BatchSize), _refreshFailed, ct).GetAwaiter().GetResult();
        if (stale.Count == 0)
        {
            return false;
        }

        var faces = 0;
        foreach (var photo in stale)
        {
            while (activity.IsBusy(settings.PauseAfterRequest) && !ct.IsCancellationRequested)
            {
                ct.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
            }

            ct.ThrowIfCancellationRequested();
            var outcome = refresher.Embed(photo, ct);
            if (outcome.Error is { } error)
            {
                logger.LogWarning("Re-embedding skipped {Path}: {Error}", photo.RelativePath, error);
                _refreshFailed.Add(photo.ItemId);
            }

            var saved = refresher.SaveAsync(outcome, ct).GetAwaiter().GetResult();
            faces += saved;
            if (saved == 0 && outcome.Error is null)
            {
                _refreshFailed.Add(photo.ItemId); // nothing stored (changed meanwhile): never spin on it
            }

            NativeHeap.ReleaseFreedMemory();
        }

        logger.LogInformation("Re-embedded {Faces} faces on {Photos} photos with the {Embedder} embedder", faces, stale.Count, options.Value.Embedder);
        return true;
    }

    /// <summary>Sums per-stage timings and logs them every <see cref="TimingsEvery"/> photos (and when the queue drains).</summary>
    private void Record(VisionStageTimes? t)
    {
        if (t is null)
        {
            return;
        }

        if (_stages is null)
        {
            _gcAtStart = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        }

        _stages = _stages is { } s
            ? new VisionStageTimes(s.Decode + t.Decode, s.Labels + t.Labels, s.Faces + t.Faces, s.Descriptors + t.Descriptors, s.Embedded + t.Embedded, s.FromPreview && t.FromPreview)
            : t;
        _stagePhotos++;
        _previews += t.FromPreview ? 1 : 0;
        if (_stagePhotos >= TimingsEvery)
        {
            LogTimings();
        }
    }

    private void LogTimings()
    {
        if (_stages is not { } s || _stagePhotos == 0)
        {
            return;
        }

        var n = (double)_stagePhotos;
        var gc = _gcAtStart;
        string Ms(VisionStageTime x) => $"{x.Wall.TotalMilliseconds / n:F0}/{x.Cpu.TotalMilliseconds / n:F0}";
        logger.LogInformation(
            "Vision timings over {Photos} photos ({Previews} from previews), ms per photo wall/cpu: decode {Decode}, labels {Labels}, faces {Faces}, descriptors {Descriptors} ({Embedded:F1} per photo); process GCs meanwhile gen0/1/2 {Gen0}/{Gen1}/{Gen2}, paused {Pause} ms",
            _stagePhotos, _previews, Ms(s.Decode), Ms(s.Labels), Ms(s.Faces), Ms(s.Descriptors), s.Embedded / n,
            GC.CollectionCount(0) - gc.Gen0, GC.CollectionCount(1) - gc.Gen1, GC.CollectionCount(2) - gc.Gen2,
            (int)(GC.GetTotalPauseDuration() - gc.Pause).TotalMilliseconds);
        (_stages, _stagePhotos, _previews) = (null, 0, 0);
    }

    private void Cluster(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var changed = clustering.RunAsync(ct).GetAwaiter().GetResult();
        logger.LogInformation("People clustering: {Changed} face assignments changed in {Elapsed} ms", changed, (int)time.GetElapsedTime(started).TotalMilliseconds);
    }
}
