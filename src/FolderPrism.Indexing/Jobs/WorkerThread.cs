using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// Runs an async loop on a dedicated background thread at lowered OS priority. On Linux .NET ignores
/// <see cref="Thread.Priority"/>, so the thread also raises its own nice value with <c>setpriority(PRIO_PROCESS, tid, 10)</c>
/// (per-thread on Linux, no privileges needed); child threads and processes it starts (libvips, ffmpeg) inherit it.
/// </summary>
internal static class WorkerThread
{
    private const int PrioProcess = 0;
    private const int WorkerNice = 10;

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
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            if (setpriority(PrioProcess, gettid(), WorkerNice) != 0)
            {
                logger.LogDebug("setpriority failed with errno {Errno}", Marshal.GetLastPInvokeError());
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            logger.LogDebug(ex, "Cannot lower worker thread priority");
        }
    }

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc.so.6")]
    private static extern int gettid();
}
