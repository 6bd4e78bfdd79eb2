using NetVips;

namespace FolderPrism.Imaging;

/// <summary>
/// Encodes a thumbnail without metadata into a temp file in the target folder and renames it into place, so
/// readers (WebDAV, the UI) never see a half-written thumbnail. Thumbnails can be regenerated, so no fsync.
/// </summary>
internal sealed class ThumbnailWriter(ImagingOptions options)
{
    public void Write(Image image, string path, int quality)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (options.Format == ThumbnailFormat.WebP)
            {
                image.Webpsave(temp, q: quality, keep: Enums.ForeignKeep.None);
            }
            else
            {
                image.Jpegsave(temp, q: quality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
