using System.Runtime.InteropServices;

namespace FolderPrism.Vision;

/// <summary>
/// CPU time consumed by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so per-stage figures stay
/// meaningful on a loaded machine where wall time mostly measures waiting; zero elsewhere. ONNX Runtime with one
/// intra-op thread computes on the caller, so inference is counted; libvips' own worker threads are not.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out var t) == 0
                ? TimeSpan.FromTicks((t.Seconds * TimeSpan.TicksPerSecond) + (t.Nanoseconds / 100))
                : TimeSpan.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return TimeSpan.Zero;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc.so.6")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
