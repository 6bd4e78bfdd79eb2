namespace FolderPrism.Vision.Imaging;

/// <summary>
/// An upright 8-bit RGB raster (EXIF orientation already applied) plus the factor that maps its pixels back to the
/// full-size upright original: vision works on a bounded-size decode but reports boxes in original pixels.
/// </summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels, double scaleToOriginal = 1)
    {
        if (width <= 0 || height <= 0 || pixels.Length != width * height * 3)
        {
            throw new ArgumentException($"pixel buffer of {pixels.Length} bytes does not match {width}×{height} RGB");
        }

        Width = width;
        Height = height;
        Pixels = pixels;
        ScaleToOriginal = scaleToOriginal;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major interleaved RGB bytes.</summary>
    public byte[] Pixels { get; }

    /// <summary>Original upright pixels per pixel of this raster (≥ 1 when decoded smaller).</summary>
    public double ScaleToOriginal { get; }

    public int OriginalWidth => (int)Math.Round(Width * ScaleToOriginal);

    public int OriginalHeight => (int)Math.Round(Height * ScaleToOriginal);
}
