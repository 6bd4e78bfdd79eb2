using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;
using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Items;

/// <summary>
/// A virtual collection. Its members come from a delegate that runs only when the folder itself is listed, so a
/// Depth 1 PROPFIND on the parent never queries what is inside each child.
/// </summary>
internal sealed class ViewFolder(
    ViewServices services, DavPath path, Func<CancellationToken, IAsyncEnumerable<IDavItem>> children) : IDavItem
{
    public DavPath Path { get; } = path;

    public bool IsCollection => true;

    public string DisplayName => Path.Name;

    public DateTimeOffset LastModified => services.Started;

    public DateTimeOffset CreationDate => services.Started;

    public long ContentLength => 0;

    public string ContentType => "httpd/unix-directory";

    public string? ETag => null;

    public string? PhysicalPath => null;

    public DateTime? FileWriteTimeUtc => null;

    public IDavPropertyManager Properties => services.Catalog.Collections;

    public IAsyncEnumerable<IDavItem> GetChildrenAsync(CancellationToken cancellationToken) => children(cancellationToken);

    public ValueTask<Stream> OpenReadAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A collection has no content stream.");

    /// <summary>A folder with no members (an empty view, or the Search root).</summary>
    public static ViewFolder Empty(ViewServices services, DavPath path) => new(services, path, _ => AsyncEnumerable.Empty<IDavItem>());
}
