using FolderPrism.Core.Threading;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// Runs an async loop on a dedicated background thread at lowered OS priority. On Linux .NET ignores
/// <see cref="Thread.Priority"/>, so the thread also raises its own nice value with <c>setpriority(PRIO_PROCESS, tid, 10)</c>
/// (per-thread on Linux, no privileges needed); child threads and processes it starts (libvips, ffmpeg) inherit it.
/// </summary>
internal static class WorkerThread
{
    public static Task Run(string name, bool lowPriority, ILogger logger, Func<Task> body)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            if (lowPriority)
            {
                Lower(logger);
            }

            using var context = new SingleThreadSynchronizationContext();
            SynchronizationContext.SetSynchronizationContext(context);
            Task task;
            try
            {
                task = body();
            }
            catch (Exception ex)
            {
                task = Task.FromException(ex);
            }

            task.ContinueWith(_ => context.Complete(), TaskScheduler.Default);
            context.RunOnCurrentThread();
            if (task.IsCanceled)
            {
                completion.TrySetCanceled();
            }
            else if (task.Exception is { } ex)
            {
                completion.TrySetException(ex.InnerExceptions);
            }
            else
            {
                completion.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        if (lowPriority)
        {
            thread.Priority = ThreadPriority.BelowNormal; // effective on Windows/macOS; Linux uses nice below
        }

        thread.Start();
        return completion.Task;
    }

    private static void Lower(ILogger logger)
    {
        if (ThreadNice.TryLowerCurrentThread() is { } failure)
        {
            logger.LogDebug("Cannot lower the priority of a worker thread: {Reason}", failure);
        }
    }
}
