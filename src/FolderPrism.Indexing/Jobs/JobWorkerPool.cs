using System.Collections.Concurrent;
using System.Threading.Channels;
using FolderPrism.Core.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// Feeds runnable job ids through a bounded channel to N workers on dedicated threads. The daemon runs it forever
/// with few low-priority workers (<see cref="JobPoolMode.Background"/>); <c>folderprism index</c> runs it until the
/// queue is drained with one normal-priority worker per core (<see cref="JobPoolMode.Foreground"/>).
/// </summary>
public sealed class JobWorkerPool(
    JobQueue queue,
    JobExecutor executor,
    JobSignal signal,
    IOptions<IndexingOptions> options,
    ILogger<JobWorkerPool> logger)
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    /// <param name="mode">Background: forever, back-off honoured, <see cref="IndexingOptions.EffectiveWorkerCount"/>
    /// workers at lowered priority. Foreground: until no pending or started job is left (quarantined ones stay), failed
    /// jobs retried at once, <see cref="IndexingOptions.EffectiveForegroundWorkerCount"/> workers at normal priority.</param>
    /// <param name="onOutcome">Called after each job, from a worker thread.</param>
    /// <param name="cancellationToken">Stops handing out jobs; running ones are given back uncounted.</param>
    public async Task RunAsync(JobPoolMode mode, Action<JobOutcome>? onOutcome, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var untilDrained = mode == JobPoolMode.Foreground;
        var ignoreBackoff = mode == JobPoolMode.Foreground;
        var lowPriority = mode == JobPoolMode.Background && settings.LowerWorkerPriority;
        var workers = Math.Max(1, untilDrained ? settings.EffectiveForegroundWorkerCount : settings.EffectiveWorkerCount);
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(workers) { SingleWriter = true });
        var inFlight = new ConcurrentDictionary<long, byte>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = 0;
        var reported = 0;
        void Count(JobOutcome outcome)
        {
            Interlocked.Increment(ref finished);
            onOutcome?.Invoke(outcome);
        }

        var tasks = Enumerable.Range(0, workers).Select(n => WorkerThread.Run(
            $"folderprism-index-{n}", lowPriority, logger,
            () => WorkAsync(channel.Reader, inFlight, Count, stop.Token))).ToList();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var ids = await queue.ListRunnableAsync(workers * 2, inFlight.Keys.ToList(), ignoreBackoff, cancellationToken);
                if (ids.Count == 0)
                {
                    var done = Volatile.Read(ref finished);
                    if (inFlight.IsEmpty && done != reported)
                    {
                        logger.LogInformation("Index queue idle: {Jobs} jobs finished since the last report", done - reported);
                        if (!untilDrained && settings.ReleaseMappedPagesAfterJobs > 0 && done - reported >= settings.ReleaseMappedPagesAfterJobs)
                        {
                            NativeHeap.ReleaseAfterBurst();
                            var released = MappedFiles.ReleaseColdPages();
                            logger.LogDebug("Paged out the read-only file mappings ({Mb:F0} MB) after the burst", released / 1048576.0);
                        }

                        reported = done;
                    }

                    if (untilDrained && inFlight.IsEmpty && await queue.CountOutstandingAsync(cancellationToken) == 0)
                    {
                        break;
                    }

                    await signal.WaitAsync(untilDrained ? TimeSpan.FromMilliseconds(200) : IdlePoll, cancellationToken);
                    continue;
                }

                foreach (var id in ids)
                {
                    inFlight[id] = 0;
                    await channel.Writer.WriteAsync(id, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            channel.Writer.TryComplete();
            if (cancellationToken.IsCancellationRequested)
            {
                await stop.CancelAsync();
            }

            await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task WorkAsync(
        ChannelReader<long> reader, ConcurrentDictionary<long, byte> inFlight, Action<JobOutcome>? onOutcome,
        CancellationToken cancellationToken)
    {
        await foreach (var id in reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                if (await queue.ClaimAsync(id, cancellationToken) is var (job, item))
                {
                    var outcome = await executor.RunAsync(job, item, cancellationToken);
                    onOutcome?.Invoke(outcome);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Database trouble (e.g. disk full): keep the worker alive, the job stays queued.
                logger.LogError(ex, "Index worker could not run job {JobId}", id);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            finally
            {
                inFlight.TryRemove(id, out _);
                signal.Notify();
            }
        }
    }
}
