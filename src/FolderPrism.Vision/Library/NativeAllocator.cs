using System.Runtime.InteropServices;

namespace FolderPrism.Vision.Library;

/// <summary>
/// glibc malloc tuning for the vision worker. ONNX Runtime (arena off) and libvips allocate each photo's activations
/// and rasters with malloc; glibc's dynamic mmap threshold soon rises to the largest block freed (up to 32 MB), after
/// which those blocks come from per-thread arenas and stay resident until the next <c>malloc_trim</c>, so two threads
/// mid-photo held the freed memory of both. A fixed threshold keeps large blocks in their own mappings, returned to
/// the OS the moment they are freed. Process-wide and idempotent; a no-op off glibc.
/// </summary>
internal static class NativeAllocator
{
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD

    /// <summary>Sets glibc's <c>M_MMAP_THRESHOLD</c>; returns false when not applied (not glibc, or refused).</summary>
    public static bool SetMmapThreshold(int bytes)
    {
        if (!OperatingSystem.IsLinux() || bytes <= 0)
        {
            return false;
        }

        try
        {
            return mallopt(MmapThreshold, bytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc.so.6")]
    private static extern int mallopt(int param, int value);
}
