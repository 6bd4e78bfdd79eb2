using Microsoft.AspNetCore.StaticFiles;

namespace FolderPrism.WebDav.Store;

/// <summary>Content-Type by file extension: ASP.NET Core's table plus the photo, RAW and video types of a photo library.</summary>
public sealed class ContentTypeMap
{
    private const string Fallback = "application/octet-stream";
    private readonly FileExtensionContentTypeProvider _provider = new();

    public ContentTypeMap()
    {
        var extra = new Dictionary<string, string>
        {
            [".heic"] = "image/heic", [".heif"] = "image/heif", [".avif"] = "image/avif", [".webp"] = "image/webp",
            [".jxl"] = "image/jxl", [".dng"] = "image/x-adobe-dng", [".cr2"] = "image/x-canon-cr2",
            [".cr3"] = "image/x-canon-cr3", [".crw"] = "image/x-canon-crw", [".nef"] = "image/x-nikon-nef",
            [".nrw"] = "image/x-nikon-nrw", [".arw"] = "image/x-sony-arw", [".srf"] = "image/x-sony-srf",
            [".sr2"] = "image/x-sony-sr2", [".raf"] = "image/x-fuji-raf", [".orf"] = "image/x-olympus-orf",
            [".rw2"] = "image/x-panasonic-rw2", [".pef"] = "image/x-pentax-pef", [".srw"] = "image/x-samsung-srw",
            [".x3f"] = "image/x-sigma-x3f", [".3fr"] = "image/x-hasselblad-3fr", [".iiq"] = "image/x-phaseone-iiq",
            [".mov"] = "video/quicktime", [".mp4"] = "video/mp4", [".m4v"] = "video/x-m4v", [".mts"] = "video/mp2t",
            [".m2ts"] = "video/mp2t", [".3gp"] = "video/3gpp", [".mkv"] = "video/x-matroska", [".avi"] = "video/x-msvideo",
            [".xmp"] = "application/rdf+xml",
        };
        foreach (var (ext, type) in extra)
        {
            _provider.Mappings[ext] = type;
        }
    }

    public string For(string fileName) => _provider.TryGetContentType(fileName, out var type) ? type : Fallback;
}
