using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;

namespace FolderPrism.WebDav.Store;

/// <summary>The virtual <c>/</c>: lists one member per mount and has no content of its own.</summary>
internal sealed class RootCollection(IDavStore store, IReadOnlyList<string> mountNames, IDavPropertyManager properties, DateTimeOffset started)
    : IDavItem
{
    public DavPath Path => DavPath.Root;

    public bool IsCollection => true;

    public string DisplayName => string.Empty;

    public DateTimeOffset LastModified => started;

    public DateTimeOffset CreationDate => started;

    public long ContentLength => 0;

    public string ContentType => "httpd/unix-directory";

    public string? ETag => null;

    public string? PhysicalPath => null;

    public DateTime? FileWriteTimeUtc => null;

    public IDavPropertyManager Properties => properties;

    public async IAsyncEnumerable<IDavItem> GetChildrenAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var name in mountNames)
        {
            var item = await store.GetItemAsync(DavPath.Root.Child(name), cancellationToken);
            if (item is not null)
            {
                yield return item;
            }
        }
    }

    public ValueTask<Stream> OpenReadAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A collection has no content stream.");
}
