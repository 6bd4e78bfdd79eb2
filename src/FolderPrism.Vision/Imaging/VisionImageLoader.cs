using NetVips;

namespace FolderPrism.Vision.Imaging;

/// <summary>
/// Decodes a photo for vision with libvips: shrink-on-load to at most <c>maxEdge</c> pixels, EXIF
/// orientation applied, colour converted to sRGB, alpha flattened onto black, 3 bands of 8 bits.
/// </summary>
public static class VisionImageLoader
{
    public static RgbImage Load(string path, int maxEdge = 2048)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("image not found", path);
        }

        try
        {
            var (originalWidth, _) = UprightSize(path);
            using var thumb = Image.Thumbnail(path, maxEdge, height: maxEdge, size: Enums.Size.Down);
            return ToRgb(thumb, (double)originalWidth / thumb.Width);
        }
        catch (VipsException e)
        {
            throw new InvalidDataException($"cannot decode {path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Resamples with libvips (lanczos3, antialiased) — much faster than per-pixel supersampling when a model input
    /// is far smaller than the photo. The result keeps mapping to original pixels.
    /// </summary>
    public static RgbImage Resize(RgbImage source, double scaleX, double scaleY)
    {
        using var img = Image.NewFromMemory(source.Pixels, source.Width, source.Height, 3, Enums.BandFormat.Uchar);
        using var resized = img.Resize(scaleX, vscale: scaleY);
        return ToRgb(resized, source.ScaleToOriginal * source.Width / resized.Width);
    }

    /// <summary>
    /// Decodes the indexer's cached preview of a photo (already upright and sRGB, ~1440 px) instead of the original:
    /// a 12-MP JPEG costs ~10× more to decode, and the detector's tiles and CenterNet's input are smaller than the
    /// preview anyway. The original's header (cheap: no pixels) gives the upright size the boxes are reported in.
    /// Returns null when the preview is unusable (missing, undecodable, or not shaped like the original), so the caller
    /// decodes the original instead.
    /// </summary>
    public static RgbImage? TryLoadPreview(string previewPath, string originalPath)
    {
        if (!File.Exists(previewPath) || !File.Exists(originalPath))
        {
            return null;
        }

        try
        {
            var (width, height) = UprightSize(originalPath);
            using var preview = Image.NewFromFile(previewPath, access: Enums.Access.Sequential);
            var expectedHeight = (double)height * preview.Width / width;
            if (preview.Width > width || Math.Abs(preview.Height - expectedHeight) > 2 + (0.01 * expectedHeight))
            {
                return null; // stale or not this photo's preview: be safe and decode the original
            }

            return ToRgb(preview, (double)width / preview.Width);
        }
        catch (VipsException)
        {
            return null;
        }
    }

    private static (int Width, int Height) UprightSize(string path)
    {
        using var header = Image.NewFromFile(path, access: Enums.Access.Sequential);
        var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
        return orientation is >= 5 and <= 8 ? (header.Height, header.Width) : (header.Width, header.Height);
    }

    /// <summary>Converts an already-upright vips image to packed RGB bytes.</summary>
    public static RgbImage ToRgb(Image image, double scaleToOriginal = 1)
    {
        var img = image;
        var owned = new List<Image>();
        try
        {
            if (img.Interpretation != Enums.Interpretation.Srgb && img.Interpretation != Enums.Interpretation.Rgb)
            {
                img = Track(owned, img.Colourspace(Enums.Interpretation.Srgb));
            }

            if (img.HasAlpha())
            {
                img = Track(owned, img.Flatten(background: [0.0]));
            }

            if (img.Bands == 1)
            {
                img = Track(owned, img.Bandjoin(img, img));
            }
            else if (img.Bands > 3)
            {
                img = Track(owned, img.ExtractBand(0, n: 3));
            }

            if (img.Format != Enums.BandFormat.Uchar)
            {
                img = Track(owned, img.Cast(Enums.BandFormat.Uchar));
            }

            return new RgbImage(img.Width, img.Height, img.WriteToMemory<byte>(), scaleToOriginal);
        }
        finally
        {
            foreach (var o in owned)
            {
                o.Dispose();
            }
        }
    }

    private static Image Track(List<Image> owned, Image image)
    {
        owned.Add(image);
        return image;
    }
}
