using NetVips;

namespace FolderPrism.Imaging;

/// <summary>
/// Stored pixel size from the image header without decoding pixels (libvips opens lazily), for formats whose
/// metadata does not state it (HEIC/AVIF, bare PNG). Returns null when libvips cannot open the file.
/// </summary>
public static class ImageHeaderReader
{
    public static (int Width, int Height)? TryRead(string path)
    {
        try
        {
            using var image = Image.NewFromFile(path);
            return (image.Width, image.Height);
        }
        catch (VipsException)
        {
            return null;
        }
    }
}
