using System.Collections.Frozen;

namespace FolderPrism.Core.Media;

/// <summary>
/// Maps a file name to its media kind and MIME type by extension. The index decides what to analyse from this before
/// opening a file, so unknown extensions cost nothing; content sniffing happens later in the decoders.
/// </summary>
public static class MediaTypes
{
    private static readonly FrozenDictionary<string, (MediaKind Kind, string Mime, bool Raw)> ByExtension =
        new Dictionary<string, (MediaKind, string, bool)>(StringComparer.OrdinalIgnoreCase)
        {
            [".jpg"] = (MediaKind.Image, "image/jpeg", false),
            [".jpeg"] = (MediaKind.Image, "image/jpeg", false),
            [".jpe"] = (MediaKind.Image, "image/jpeg", false),
            [".png"] = (MediaKind.Image, "image/png", false),
            [".gif"] = (MediaKind.Image, "image/gif", false),
            [".webp"] = (MediaKind.Image, "image/webp", false),
            [".tif"] = (MediaKind.Image, "image/tiff", false),
            [".tiff"] = (MediaKind.Image, "image/tiff", false),
            [".heic"] = (MediaKind.Image, "image/heic", false),
            [".heif"] = (MediaKind.Image, "image/heif", false),
            [".hif"] = (MediaKind.Image, "image/heif", false),
            [".avif"] = (MediaKind.Image, "image/avif", false),
            [".cr2"] = (MediaKind.Image, "image/x-canon-cr2", true),
            [".nef"] = (MediaKind.Image, "image/x-nikon-nef", true),
            [".arw"] = (MediaKind.Image, "image/x-sony-arw", true),
            [".dng"] = (MediaKind.Image, "image/x-adobe-dng", true),
            [".orf"] = (MediaKind.Image, "image/x-olympus-orf", true),
            [".rw2"] = (MediaKind.Image, "image/x-panasonic-rw2", true),
            [".raf"] = (MediaKind.Image, "image/x-fuji-raf", true),
            [".mp4"] = (MediaKind.Video, "video/mp4", false),
            [".mov"] = (MediaKind.Video, "video/quicktime", false),
            [".m4v"] = (MediaKind.Video, "video/x-m4v", false),
            [".mkv"] = (MediaKind.Video, "video/x-matroska", false),
            [".avi"] = (MediaKind.Video, "video/x-msvideo", false),
            [".3gp"] = (MediaKind.Video, "video/3gpp", false),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public const string OctetStream = "application/octet-stream";

    public static MediaKind GetKind(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var t) ? t.Kind : MediaKind.Unknown;

    public static string GetMimeType(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var t) ? t.Mime : OctetStream;

    /// <summary>Camera RAW: decoded through its embedded JPEG preview, metadata read from its TIFF structure.</summary>
    public static bool IsRaw(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var t) && t.Raw;

    /// <summary>All extensions handled, lower case with the dot.</summary>
    public static IReadOnlyCollection<string> Extensions => ByExtension.Keys;
}
