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
        Cache.Max = options.CacheMaxOperations;
        Cache.MaxMem = (ulong)options.CacheMaxMemoryBytes;
        Cache.MaxFiles = options.CacheMaxFiles;
    }

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
