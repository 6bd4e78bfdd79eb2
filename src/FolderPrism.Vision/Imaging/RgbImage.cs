using System.Buffers;

namespace FolderPrism.Vision.Imaging;

/// <summary>
/// An upright 8-bit RGB raster (EXIF orientation already applied) plus the factor that maps its pixels back to the
/// full-size upright original: vision works on a bounded-size decode but reports boxes in original pixels.
/// Decodes and resizes made by <see cref="VisionImageLoader"/> live in a buffer rented from the shared array pool
/// (dispose the image to return it): a ~1440 px preview is 4 MB, and allocating one per photo (plus the resized
/// copies the detectors make) put ~5 MB per photo on the large object heap, which triggered one or two blocking
/// gen-2 collections per second on the vision threads that stalled every request thread with them.
/// </summary>
public sealed class RgbImage : IDisposable
{
    private readonly bool _pooled;
    private byte[]? _pixels;

    public RgbImage(int width, int height, byte[] pixels, double scaleToOriginal = 1)
        : this(width, height, pixels, scaleToOriginal, pooled: false)
    {
    }

    private RgbImage(int width, int height, byte[] pixels, double scaleToOriginal, bool pooled)
    {
        if (width <= 0 || height <= 0 || (pooled ? pixels.Length < width * height * 3 : pixels.Length != width * height * 3))
        {
            throw new ArgumentException($"pixel buffer of {pixels.Length} bytes does not match {width}×{height} RGB");
        }

        Width = width;
        Height = height;
        _pixels = pixels;
        _pooled = pooled;
        ScaleToOriginal = scaleToOriginal;
    }

    /// <summary>An image whose pixel buffer is rented from the shared pool (returned by <see cref="Dispose"/>).</summary>
    internal static RgbImage Rent(int width, int height, double scaleToOriginal) =>
        new(width, height, ArrayPool<byte>.Shared.Rent(checked(width * height * 3)), scaleToOriginal, pooled: true);

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Row-major interleaved RGB bytes; a rented buffer may be longer than <see cref="Length"/> (only that many count).
    /// </summary>
    public byte[] Pixels => _pixels ?? throw new ObjectDisposedException(nameof(RgbImage));

    /// <summary>Bytes of the raster: width × height × 3.</summary>
    public int Length => Width * Height * 3;

    /// <summary>Exactly the raster's bytes.</summary>
    public Span<byte> Span => Pixels.AsSpan(0, Length);

    /// <summary>Original upright pixels per pixel of this raster (≥ 1 when decoded smaller).</summary>
    public double ScaleToOriginal { get; }

    public int OriginalWidth => (int)Math.Round(Width * ScaleToOriginal);

    public int OriginalHeight => (int)Math.Round(Height * ScaleToOriginal);

    public void Dispose()
    {
        if (_pixels is { } pixels)
        {
            _pixels = null;
            if (_pooled)
            {
                ArrayPool<byte>.Shared.Return(pixels);
            }
        }
    }
}
