using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Vision.Library;

/// <summary>
/// Runs a synchronous loop on a dedicated background thread at nice 10 (Linux ignores <see cref="Thread.Priority"/>,
/// so the thread calls <c>setpriority(PRIO_PROCESS, tid, 10)</c> on itself, like the index workers). ONNX Runtime
/// with one intra-op thread computes on the calling thread, so inference inherits the lowered priority.
/// </summary>
internal static class LowPriorityThread
{
    private const int WorkerNice = 10;

    public static Task Run(string name, ILogger logger, Action body)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Lower(logger);
            try
            {
                body();
                completion.TrySetResult();
            }
            catch (OperationCanceledException)
            {
                completion.TrySetCanceled();
            }
            catch (Exception ex)
            {
                completion.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = name,
            Priority = ThreadPriority.BelowNormal,
        };
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
            if (setpriority(0, gettid(), WorkerNice) != 0)
            {
                logger.LogDebug("setpriority failed with errno {Errno}", Marshal.GetLastPInvokeError());
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            logger.LogDebug(ex, "Cannot lower the vision thread's priority");
        }
    }

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc.so.6")]
    private static extern int gettid();
}
