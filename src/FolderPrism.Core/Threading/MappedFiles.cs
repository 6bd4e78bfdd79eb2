using System.Globalization;
using System.Runtime.InteropServices;

namespace FolderPrism.Core.Threading;

/// <summary>
/// Hands the clean, read-only pages of memory-mapped files (the runtime, the framework and library assemblies,
/// libvips, SQLite) back to the kernel with <c>madvise(MADV_PAGEOUT)</c> at the end of a burst of work.
/// Why: a page of code counts in the daemon's RSS from the first time it ran until the kernel needs the memory; start-up
/// (EF Core's model and migrations, configuration, DI) and an indexing burst touch tens of megabytes of code that
/// serving never runs again, which kept a serving daemon at ~170 MB for a ~110 MB working set (measured with
/// <c>make bench-dav</c>). Only file-backed mappings without write permission and without private (copy-on-write)
/// pages are advised, so no data can be lost: a page that is needed again is read back from the file. Android pages
/// out its background apps the same way. Linux 5.4 and later; elsewhere (or on older kernels) a no-op.
/// </summary>
public static class MappedFiles
{
    private const int MadvPageout = 21;

    /// <summary>Advises every eligible mapping of this process; returns the bytes advised (0 when unsupported).</summary>
    /// <remarks>Costs a read of <c>/proc/self/smaps</c> and one system call per mapping: a few milliseconds.
    /// Call it at the end of a burst (start-up done, index queue drained), not periodically: pages that are still
    /// in use fault back in from disk.</remarks>
    public static long ReleaseColdPages()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        List<(nint Start, nint Length)> ranges;
        try
        {
            ranges = ReadEligibleRanges("/proc/self/smaps");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        long advised = 0;
        foreach (var (start, length) in ranges)
        {
            try
            {
                if (madvise(start, length, MadvPageout) != 0)
                {
                    // EINVAL: a kernel without MADV_PAGEOUT; nothing else will work either.
                    return advised;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return advised;
            }

            advised += length;
        }

        return advised;
    }

    /// <summary>The mappings of a <c>smaps</c> file that are file-backed, not writable, and hold no anonymous
    /// (copy-on-write) pages.</summary>
    public static List<(nint Start, nint Length)> ReadEligibleRanges(string smapsPath)
    {
        var ranges = new List<(nint, nint)>();
        nint start = 0, end = 0;
        var candidate = false;
        foreach (var line in File.ReadLines(smapsPath))
        {
            if (TryParseHeader(line, out var lo, out var hi, out var fileBacked, out var writable))
            {
                start = lo;
                end = hi;
                candidate = fileBacked && !writable;
            }
            else if (candidate && line.StartsWith("Anonymous:", StringComparison.Ordinal))
            {
                if (KiloBytes(line) == 0)
                {
                    ranges.Add((start, end - start));
                }

                candidate = false;
            }
        }

        return ranges;
    }

    // "7f12a000-7f12c000 r-xp 00001000 08:01 1234    /usr/lib/x86_64-linux-gnu/libc.so.6"
    private static bool TryParseHeader(string line, out nint start, out nint end, out bool fileBacked, out bool writable)
    {
        start = end = 0;
        fileBacked = writable = false;
        var dash = line.IndexOf('-');
        var space = line.IndexOf(' ');
        if (dash <= 0 || space <= dash || line.Length < space + 5
            || !nint.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out start)
            || !nint.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out end))
        {
            return false;
        }

        writable = line[space + 2] == 'w';
        var slash = line.IndexOf(" /", space, StringComparison.Ordinal);
        fileBacked = slash > 0 && !line.EndsWith(" (deleted)", StringComparison.Ordinal);
        return true;
    }

    private static long KiloBytes(string line)
    {
        var digits = line.AsSpan("Anonymous:".Length).Trim();
        var unit = digits.IndexOf(' ');
        return long.TryParse(unit < 0 ? digits : digits[..unit], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : -1;
    }

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int madvise(nint address, nint length, int advice);
}
