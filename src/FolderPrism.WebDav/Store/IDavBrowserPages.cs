using FolderPrism.WebDav.Http;

namespace FolderPrism.WebDav.Store;

/// <summary>
/// Optional service for people who open the server in a web browser: a gallery page for collections requested with
/// <c>Accept: text/html</c>, and thumbnails of documents (<c>GET file?thumb=small|preview</c>). When none is registered,
/// GET of a collection returns the plain link list. Kept out of the DAV handlers so WebDAV stays protocol-only.
/// </summary>
public interface IDavBrowserPages
{
    /// <summary>Writes the HTML page of <paramref name="collection"/>; false to fall back to the plain listing.</summary>
    Task<bool> TryWriteCollectionPageAsync(DavContext context, IDavItem collection);

    /// <summary>Writes the thumbnail of <paramref name="document"/> for a <c>?thumb=</c> request; false → 404.</summary>
    Task<bool> TryWriteThumbnailAsync(DavContext context, IDavItem document, string size);
}
