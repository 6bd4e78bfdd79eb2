using FolderPrism.Core.Threading;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Vision.Library;

/// <summary>
/// Runs a synchronous loop on a dedicated background thread at nice 10 (Linux ignores <see cref="Thread.Priority"/>,
/// so the thread calls <c>setpriority(PRIO_PROCESS, tid, 10)</c> on itself, like the index workers). ONNX Runtime
/// with one intra-op thread computes on the calling thread, so inference inherits the lowered priority.
/// </summary>
internal static class LowPriorityThread
{
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
        if (ThreadNice.TryLowerCurrentThread() is { } failure)
        {
            logger.LogDebug("Cannot lower the priority of the vision thread: {Reason}", failure);
        }
    }
}
