using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Vision.Library;

/// <summary>Counts every served request in <see cref="ServingActivity"/> so the vision worker can step aside.</summary>
public sealed class ServingActivityMiddleware(RequestDelegate next, ServingActivity activity, ILogger<ServingActivityMiddleware> logger)
{
    private readonly bool _trace = Environment.GetEnvironmentVariable("FOLDERPRISM_VISLAT_TRACE") == "1";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_trace)
        {
            using (activity.Begin())
            {
                await next(context);
            }

            return;
        }

        var t0 = Stopwatch.GetTimestamp();
        var pause0 = GC.GetTotalPauseDuration();
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var alloc0 = GC.GetTotalAllocatedBytes();
        var tid0 = Environment.CurrentManagedThreadId;
        var (run0, wait0) = SchedStat();
        using (activity.Begin())
        {
            await next(context);
        }

        var (run1, wait1) = SchedStat();
        var same = tid0 == Environment.CurrentManagedThreadId;
        logger.LogInformation(
            "VISLAT {Path} wall {Wall:F2} ms gcpause {Pause:F2} ms gc {G0}/{G1}/{G2} alloc {Alloc} KB samethread {Same} run {Run:F2} ms runqwait {Wait:F2} ms vision {Vision}",
            context.Request.Path.Value, Stopwatch.GetElapsedTime(t0).TotalMilliseconds, (GC.GetTotalPauseDuration() - pause0).TotalMilliseconds,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2, (GC.GetTotalAllocatedBytes() - alloc0) / 1024,
            same, same ? (run1 - run0) / 1e6 : -1, same ? (wait1 - wait0) / 1e6 : -1, activity.VisionRunning);
    }

    private static (long Run, long Wait) SchedStat()
    {
        try
        {
            var parts = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
            return (long.Parse(parts[0]), long.Parse(parts[1]));
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }
}
