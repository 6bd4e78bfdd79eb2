using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Host.Health;

/// <summary>
/// Off by default. With <c>Diagnostics:MemoryLogSeconds</c> &gt; 0 (e.g. <c>FOLDERPRISM__Diagnostics__MemoryLogSeconds=2</c>)
/// logs every N seconds where the process's anonymous memory is: GC committed vs heap, glibc malloc in use / free /
/// mmapped, SQLite's own allocations, thread count and RSS. Why: RSS alone (issue 3) does not say which of them grew,
/// and attaching dotnet-counters adds an EventPipe session's buffers to the very figure being measured.
/// </summary>
internal sealed class MemoryReportService(IConfiguration configuration, ILogger<MemoryReportService> logger) : BackgroundService
{
    public const string IntervalKey = "Diagnostics:MemoryLogSeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue(IntervalKey, 0);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            do
            {
                Report();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private void Report()
    {
        const double Mb = 1024 * 1024;
        var gc = GC.GetGCMemoryInfo();
        var malloc = Malloc.Read();
        using var process = Process.GetCurrentProcess();
        logger.LogInformation(
            "memory: rss {Rss:F1} MB; GC committed {Committed:F1} MB, heap {Heap:F1} MB, gen0/1/2 GCs {Gen0}/{Gen1}/{Gen2}; " +
            "malloc in use {MallocUsed:F1} MB, free in arenas {MallocFree:F1} MB, mmapped {MallocMapped:F1} MB; sqlite {Sqlite:F1} MB; threads {Threads}",
            process.WorkingSet64 / Mb, gc.TotalCommittedBytes / Mb, gc.HeapSizeBytes / Mb,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            malloc.InUse / Mb, malloc.Free / Mb, malloc.Mapped / Mb, SQLitePCL.raw.sqlite3_memory_used() / Mb, process.Threads.Count);
    }

    /// <summary>glibc's <c>mallinfo2</c> (all arenas); zeros elsewhere.</summary>
    private readonly record struct Malloc(long InUse, long Free, long Mapped)
    {
        public static Malloc Read()
        {
            if (!OperatingSystem.IsLinux())
            {
                return default;
            }

            try
            {
                var info = mallinfo2();
                return new Malloc((long)info.Uordblks, (long)info.Fordblks, (long)info.Hblkhd);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return default;
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint Arena;
        public nuint Ordblks;
        public nuint Smblks;
        public nuint Hblks;
        public nuint Hblkhd;
        public nuint Usmblks;
        public nuint Fsmblks;
        public nuint Uordblks;
        public nuint Fordblks;
        public nuint Keepcost;
    }

    [DllImport("libc.so.6")]
    private static extern MallInfo2 mallinfo2();
}
