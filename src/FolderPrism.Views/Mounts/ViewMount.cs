using FolderPrism.Views.Items;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Mounts;

/// <summary>Base of every top-level view: read from the index, never mapped to a writable real path.</summary>
internal abstract class ViewMount(ViewServices services, ShardedSet set, string name) : IDavMount
{
    public string Name { get; } = name;

    protected ViewServices Services { get; } = services;

    protected ShardedSet Set { get; } = set;

    protected DavPath RootPath => DavPath.Root.Child(Name);

    public async ValueTask<IDavItem?> GetItemAsync(DavPath path, CancellationToken cancellationToken)
    {
        if (path.Segments.Count == 0 || !string.Equals(path.Segments[0], Name, StringComparison.Ordinal))
        {
            return null;
        }

        return await ResolveAsync(path.Segments.Skip(1).ToArray(), cancellationToken);
    }

    public string? MapPhysicalPath(DavPath path) => null;

    /// <summary>Resolves the segments below the mount root (empty for the root itself).</summary>
    protected abstract Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken);

    protected ViewFolder Folder(DavPath path, Func<CancellationToken, Task<IEnumerable<IDavItem>>> children) =>
        new(Services, path, ct => Stream(children, ct));

    /// <summary>A folder whose listing depends on the index alone: kept in <see cref="ListingCache"/> while the index does not change.</summary>
    protected ViewFolder CachedFolder(DavPath path, Func<CancellationToken, Task<IEnumerable<IDavItem>>> children) =>
        new(Services, path, ct => Stream(async c => await Services.Listings.GetOrLoadAsync("dir:" + path.Value, async l => (await children(l)).ToList(), c), ct));

    private static async IAsyncEnumerable<IDavItem> Stream(
        Func<CancellationToken, Task<IEnumerable<IDavItem>>> children,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var child in await children(cancellationToken))
        {
            yield return child;
        }
    }
}
