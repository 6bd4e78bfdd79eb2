using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Vision.Library;

/// <summary>
/// The daemon's vision worker: ONE dedicated thread at nice 10 takes photos whose thumbnails exist, analyses them one
/// at a time (models loaded lazily, released by <see cref="VisionIdleReleaser"/> when idle), pauses while serving is
/// busy, and re-clusters people after new faces arrived. Without installed models it only polls, cheaply.
/// Indexing is never blocked: it has its own workers and vision only reads rows indexing already finished.
/// </summary>
public sealed class VisionWorkerService(
    VisionProcessor processor,
    PeopleClusteringRun clustering,
    ServingActivity activity,
    IOptions<VisionOptions> options,
    TimeProvider time,
    ILogger<VisionWorkerService> logger) : BackgroundService
{
    private long _photos;

    /// <summary>Photos analysed since start (for status and benchmarks).</summary>
    public long PhotosProcessed => Interlocked.Read(ref _photos);

    private Task _thread = Task.CompletedTask;

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
                    if (dirtyFaces)
                    {
                        Cluster(ct);
                        dirtyFaces = false;
                        lastCluster = time.GetTimestamp();
                    }

                    ct.WaitHandle.WaitOne(settings.IdlePoll);
                    continue;
                }

                foreach (var photo in batch)
                {
                    while (activity.IsBusy(settings.PauseAfterRequest) && !ct.IsCancellationRequested)
                    {
                        ct.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                    }

                    ct.ThrowIfCancellationRequested();
                    var outcome = processor.Analyze(photo, ct);
                    if (outcome.Error is { } error)
                    {
                        logger.LogWarning("Vision skipped {Path}: {Error}", photo.RelativePath, error);
                    }

                    dirtyFaces |= processor.SaveAsync(outcome, ct).GetAwaiter().GetResult() > 0 || photo.Regions.Count > 0;
                    Interlocked.Increment(ref _photos);
                }

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

    private void Cluster(CancellationToken ct)
    {
        var changed = clustering.RunAsync(ct).GetAwaiter().GetResult();
        logger.LogInformation("People clustering: {Changed} face assignments changed", changed);
    }
}
