using FolderPrism.Core.Media;
using FolderPrism.Imaging;
using Microsoft.Extensions.Options;
using NetVips;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// The cheap pixel check import needs for plain raster images (JPEG, PNG, TIFF, WebP, GIF): one decode with
/// shrink-on-load straight to <see cref="DecodeSize"/> pixels — which still reads every byte, so truncation fails it —
/// then the same 32×32 luminance perceptual hash the thumbnail processor computes from its preview. Nothing is written:
/// thumbnails are left to the background indexer, which is what made import slow (a near full-size decode and two
/// JPEG encodes per file). Thread-safe; called from the parallel analysis stage.
/// </summary>
public sealed class ImportFingerprinter(IOptions<ImagingOptions> imaging)
{
    private readonly ImagingOptions options = imaging.Value;

    /// <summary>Longest side of the reduced decode; JPEGs above 2,048 px decode at 1/8 scale.</summary>
    public const int DecodeSize = 256;

    private static readonly HashSet<string> Raster = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".tif", ".tiff",
    };

    /// <summary>True when <see cref="PerceptualHash"/> handles this file; others (video, HEIC, RAW) need the processor.</summary>
    public static bool Handles(string path) => Raster.Contains(Path.GetExtension(path));

    /// <summary>Decodes at reduced size and hashes; throws <see cref="MediaDecodeException"/> for damaged or oversized images.</summary>
    public ulong PerceptualHash(string path)
    {
        try
        {
            using (var header = Image.NewFromFile(path, failOn: Enums.FailOn.Truncated))
            {
                var pixels = (long)header.Width * header.Height;
                if (pixels > options.MaxPixels)
                {
                    throw new MediaDecodeException(
                        $"Image is {header.Width}×{header.Height} ({pixels:N0} pixels), above the limit of {options.MaxPixels:N0}.");
                }
            }

            using var shrunk = Image.Thumbnail(path, DecodeSize, height: DecodeSize, size: Enums.Size.Down,
                outputProfile: "srgb", failOn: Enums.FailOn.Truncated);
            return PerceptualFingerprint.Of(shrunk, options.Format);
        }
        catch (VipsException e)
        {
            throw new MediaDecodeException($"Cannot decode image: {VipsErrors.Reason(e.Message)}", e);
        }
    }
}
