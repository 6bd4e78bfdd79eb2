using System.Net;
using System.Text;
using FolderPrism.Core.Media;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Views.Browser;

/// <summary>
/// The browser gallery: a responsive grid (folders first, then lazy-loaded thumbnails; a click opens the screen-size
/// preview in <see cref="PreviewViewer"/>, where faces can be marked), and the thumbnails themselves from the cache
/// keyed by content hash, generated on demand when missing.
/// </summary>
internal sealed class GalleryPages(IServiceProvider services, IOptions<ViewOptions> options, ILogger<GalleryPages> logger) : IDavBrowserPages
{
    /// <summary>Where the header's search box goes: the query becomes a <c>Search/</c> folder name, as in a file manager.</summary>
    private readonly string _searchRoot = HrefEncoder.Encode(DavPath.Root.Child(options.Value.Search), true);

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:0;background:#111;color:#eee}header{padding:12px 16px;background:#222}"
        + "a{color:#9cf;text-decoration:none}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:6px;padding:8px}"
        + ".tile{position:relative;aspect-ratio:1;background:#333;overflow:hidden;border-radius:4px;display:flex;align-items:center;justify-content:center}"
        + ".tile img{width:100%;height:100%;object-fit:cover}.tile span{position:absolute;bottom:0;left:0;right:0;font-size:11px;padding:3px;background:#000a;"
        + "white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.folder{font-size:15px;padding:8px;text-align:center;background:#2a3340}"
        + "header{display:flex;flex-wrap:wrap;gap:8px;align-items:center}header form{margin-left:auto}"
        + "header input{background:#333;color:#eee;border:1px solid #555;border-radius:4px;padding:6px 8px;font-size:15px;width:14em;max-width:60vw}";

    public async Task<bool> TryWriteCollectionPageAsync(DavContext context, IDavItem collection)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        var title = WebUtility.HtmlEncode(collection.Path.IsRoot ? "FolderPrism" : collection.Path.Value);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(title).Append("</title><style>").Append(Style).Append(PreviewViewer.Style).Append("</style></head><body><header>");
        if (collection.Path.Parent is { } parent)
        {
            page.Append("<a href=\"").Append(Attr(HrefEncoder.Encode(parent, true))).Append("\">&#8592;</a> ");
        }

        page.Append("<span>").Append(title).Append("</span>")
            .Append("<form id=\"search\" role=\"search\" data-root=\"").Append(Attr(_searchRoot)).Append("\" onsubmit=\"var q=this.q.value.trim();")
            .Append("if(q)location.href=this.dataset.root+encodeURIComponent(q)+'/';return false\">")
            .Append("<input name=\"q\" type=\"search\" placeholder=\"beach year=2019 person=alice\" aria-label=\"Search\"></form>")
            .Append("</header><div class=\"grid\">\n");
        await response.WriteAsync(page.ToString(), context.Aborted);
        var count = 0;
        await foreach (var child in collection.GetChildrenAsync(context.Aborted))
        {
            var href = HrefEncoder.Encode(child.Path, child.IsCollection);
            var name = WebUtility.HtmlEncode(child.DisplayName);
            var tile = child.IsCollection
                ? $"<a class=\"tile folder\" href=\"{Attr(href)}\">&#128193; {name}</a>\n"
                : $"<a class=\"tile\" href=\"{Attr(PreviewHref(child, href))}\"{PhotoAttr(child, href)} title=\"{name}\"><img loading=\"lazy\" alt=\"{name}\" src=\"{Attr(href)}?thumb=small\"><span>{name}</span></a>\n";
            await response.WriteAsync(tile, context.Aborted);
            if (++count % 64 == 0)
            {
                await response.Body.FlushAsync(context.Aborted);
            }
        }

        await response.WriteAsync("</div>" + PreviewViewer.Markup + PreviewViewer.Script + "</body></html>\n", context.Aborted);
        return true;
    }

    public async Task<bool> TryWriteThumbnailAsync(DavContext context, IDavItem document, string size)
    {
        var hash = document.ETag?.Trim('"');
        var processor = services.GetService<IMediaProcessor>();
        if (processor is null || hash is null || hash.Length != 32 || !hash.All(char.IsAsciiHexDigitLower) || document.PhysicalPath is null)
        {
            return false;
        }

        var thumbnailSize = size == "preview" ? ThumbnailSize.Preview : ThumbnailSize.Small;
        var path = processor.ThumbnailPath(hash, thumbnailSize);
        if (!File.Exists(path))
        {
            var kind = document.ContentType.StartsWith("video/", StringComparison.Ordinal) ? MediaKind.Video : MediaKind.Image;
            try
            {
                await processor.ProcessAsync(document.PhysicalPath, hash, kind, context.Aborted);
            }
            catch (MediaDecodeException e)
            {
                logger.LogDebug(e, "No thumbnail for {Path}", document.Path);
                return false;
            }
        }

        if (!File.Exists(path))
        {
            return false;
        }

        var response = context.Response;
        response.ContentType = path.EndsWith(".webp", StringComparison.OrdinalIgnoreCase) ? "image/webp" : "image/jpeg";
        response.Headers.CacheControl = "private, max-age=86400";
        response.Headers.ETag = "\"" + hash + "-" + (int)thumbnailSize + "\"";
        await response.SendFileAsync(path, context.Aborted);
        return true;
    }

    private static string PreviewHref(IDavItem item, string href) =>
        item.ContentType.StartsWith("image/", StringComparison.Ordinal) ? href + "?thumb=preview" : href;

    /// <summary>Photos open in the preview viewer, where faces can be marked; <c>data-photo</c> is where marks are POSTed.</summary>
    private static string PhotoAttr(IDavItem item, string href) =>
        item.ContentType.StartsWith("image/", StringComparison.Ordinal) ? $" data-photo=\"{Attr(href)}\"" : string.Empty;

    private static string Attr(string value) => WebUtility.HtmlEncode(value);
}
