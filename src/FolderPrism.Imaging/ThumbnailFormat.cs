namespace FolderPrism.Imaging;

/// <summary>Encoding of generated thumbnails; JPEG is universally viewable, WebP is smaller.</summary>
public enum ThumbnailFormat
{
    Jpeg = 0,
    WebP = 1,
}
