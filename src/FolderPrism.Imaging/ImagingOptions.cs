namespace FolderPrism.Imaging;

/// <summary>
/// Limits and quality for decoding (configuration section <c>Imaging</c>). The limits exist so one hostile or broken
/// file (decompression bomb, endless video) cannot exhaust memory or stall the worker; defaults fit a 2-core box
/// with a 300 MB budget.
/// </summary>
public sealed class ImagingOptions
{
    public const string SectionName = "Imaging";

    /// <summary>Largest accepted image in pixels (width × height), checked from the header before decoding.</summary>
    public long MaxPixels { get; set; } = 200_000_000;

    /// <summary>Wall-clock limit for decoding one file (image decode or video frame grab).</summary>
    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest RAW file read into memory to find its embedded preview.</summary>
    public long MaxRawBytes { get; set; } = 256L * 1024 * 1024;

    public int SmallSize { get; set; } = (int)Core.Media.ThumbnailSize.Small;

    public int PreviewSize { get; set; } = (int)Core.Media.ThumbnailSize.Preview;

    public ThumbnailFormat Format { get; set; } = ThumbnailFormat.Jpeg;

    /// <summary>Encoder quality (1–100) of the small grid thumbnail.</summary>
    public int SmallQuality { get; set; } = 78;

    /// <summary>Encoder quality (1–100) of the screen preview.</summary>
    public int PreviewQuality { get; set; } = 82;

    /// <summary>Files decoded at the same time by this process (each holds one decoded preview, ≈ 5 MB, in memory).
    /// One per core: the daemon's background worker count bounds it further, the foreground index uses them all.</summary>
    public int MaxConcurrentDecodes { get; set; } = Environment.ProcessorCount;

    /// <summary>libvips worker threads per image. JPEG decoding is sequential anyway, so files decode in parallel
    /// (<see cref="MaxConcurrentDecodes"/>) rather than one file on many threads: fewer threads, fewer scanline
    /// buffers and malloc arenas, lower RSS.</summary>
    public int VipsThreadsPerImage { get; set; } = 1;

    /// <summary>libvips operation cache: entries, bytes and open files. Small, since every file is seen once.</summary>
    public int CacheMaxOperations { get; set; } = 20;

    public long CacheMaxMemoryBytes { get; set; } = 16L * 1024 * 1024;

    public int CacheMaxFiles { get; set; } = 10;

    /// <summary>Where in a video the poster frame is taken, as a fraction of its duration (capped at 1 s for clips).</summary>
    public double PosterPosition { get; set; } = 0.1;

    /// <summary>ffmpeg / ffprobe executables (on PATH by default).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>HEVC HEIC decoder (Debian libheif-examples); the bundled libvips cannot decode HEVC.</summary>
    public string HeifConvertPath { get; set; } = "heif-convert";
}
