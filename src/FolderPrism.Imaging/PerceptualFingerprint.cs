using FolderPrism.Core.Media;
using NetVips;

namespace FolderPrism.Imaging;

/// <summary>
/// The perceptual hash of an image some other caller decoded (import decodes at a reduced size and writes no
/// thumbnails). Public so that such callers use the processor's own recipe — same sRGB/alpha normalisation, same 32×32
/// grid — and their hashes stay comparable with the index's for near-duplicate matching.
/// </summary>
public static class PerceptualFingerprint
{
    /// <summary>Normalises <paramref name="decoded"/> as thumbnails are, then hashes it like the processor does.</summary>
    public static ulong Of(Image decoded, ThumbnailFormat format)
    {
        using var displayable = VipsRuntime.ToDisplayable(decoded, format);
        return VipsRuntime.PerceptualHashOf(displayable);
    }
}
