using System.Runtime.InteropServices;

namespace FolderPrism.Core.Threading;

/// <summary>
/// Lowers the calling thread's OS scheduling priority. Background work (index jobs, vision) must yield the CPU to serving
/// on a 2-core box, but .NET ignores <see cref="Thread.Priority"/> on Linux; <c>setpriority(PRIO_PROCESS, tid, nice)</c> is
/// per-thread there, needs no privileges, and is inherited by the threads and processes the thread starts (libvips,
/// ffmpeg, ONNX Runtime with one intra-op thread computing on the caller). Shared so every worker lowers itself alike.
/// </summary>
public static class ThreadNice
{
    /// <summary>The nice value background workers run at.</summary>
    public const int Background = 10;

    private const int PrioProcess = 0;

    /// <summary>
    /// Sets the calling thread's nice value; returns null on success (or where not Linux), else why it failed, so the
    /// caller can log it: a worker that cannot lower itself still works, only less politely.
    /// </summary>
    public static string? TryLowerCurrentThread(int nice = Background)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return setpriority(PrioProcess, gettid(), nice) == 0
                ? null
                : $"setpriority failed with errno {Marshal.GetLastPInvokeError()}";
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return ex.Message;
        }
    }

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc.so.6")]
    private static extern int gettid();
}
