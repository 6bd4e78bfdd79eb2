using FolderPrism.Core.Media;
using NetVips;

namespace FolderPrism.Imaging;

/// <summary>libvips process settings and the small pixel conversions shared by the processor.</summary>
internal static class VipsRuntime
{
    /// <summary>
    /// libvips keeps one process-wide operation cache; every file is decoded once, so a large cache only costs memory.
    /// Setting it is idempotent.
    /// </summary>
    public static void Configure(ImagingOptions options)
    {
        LimitMallocArenas();
        NetVips.NetVips.Concurrency = Math.Max(1, options.VipsThreadsPerImage);
        Cache.Max = options.CacheMaxOperations;
        Cache.MaxMem = (ulong)options.CacheMaxMemoryBytes;
        Cache.MaxFiles = options.CacheMaxFiles;
    }

    /// <summary>
    /// glibc gives every thread that allocates concurrently its own malloc arena (up to 8 per core), and memory freed
    /// into an arena is rarely returned to the OS; libvips' worker threads allocating multi-megabyte scanline buffers
    /// then grow the RSS by tens of MB per thread. Two arenas (the common <c>MALLOC_ARENA_MAX=2</c> advice for libvips)
    /// keep that bounded at no measurable speed cost. Process-wide and idempotent; a no-op off glibc.
    /// </summary>
    private static void LimitMallocArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            _ = mallopt(MallocArenaMax, 2);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl and other C libraries have no arenas to limit.
        }
    }

    /// <summary>
    /// Hands memory that libvips freed after a decode back to the OS (glibc keeps freed scanline buffers in its
    /// arenas otherwise, so the RSS stays at the high-water mark of the largest image seen). A no-op off glibc.
    /// </summary>
    public static void ReleaseFreedMemory() => Core.Threading.NativeHeap.ReleaseFreedMemory();

    private const int MallocArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    [System.Runtime.InteropServices.DllImport("libc.so.6")]
    private static extern int mallopt(int param, int value);

    /// <summary>8-bit sRGB or grey, alpha flattened onto white for JPEG output.</summary>
    public static Image ToDisplayable(Image image, ThumbnailFormat format)
    {
        var current = image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw && image.Format == Enums.BandFormat.Uchar
            ? image.Copy()
            : image.Colourspace(Enums.Interpretation.Srgb);
        if (current.HasAlpha() && format == ThumbnailFormat.Jpeg)
        {
            var background = Enumerable.Repeat(255.0, current.Bands - 1).ToArray();
            var flattened = current.Flatten(background: background);
            current.Dispose();
            current = flattened;
        }

        if (current.Format != Enums.BandFormat.Uchar)
        {
            var cast = current.Cast(Enums.BandFormat.Uchar);
            current.Dispose();
            current = cast;
        }

        return current;
    }

    /// <summary>
    /// pHash of the decoded preview: shrunk to 32×32 (aspect ignored) first, then to luminance, then
    /// <see cref="PerceptualHash"/>. Shrinking first converts 1,024 pixels instead of the whole preview.
    /// </summary>
    public static ulong PerceptualHashOf(Image preview)
    {
        using var grid = preview.ThumbnailImage(PerceptualHash.GridSize, height: PerceptualHash.GridSize, size: Enums.Size.Force);
        using var grey = grid.Colourspace(Enums.Interpretation.Bw);
        using var luminance = grey.ExtractBand(0);
        using var bytes = luminance.Format == Enums.BandFormat.Uchar ? luminance.Copy() : luminance.Cast(Enums.BandFormat.Uchar);
        var pixels = bytes.WriteToMemory<byte>();
        return PerceptualHash.Compute(pixels);
    }

    public static string FirstLine(string message)
    {
        var trimmed = message.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline];
    }
}
