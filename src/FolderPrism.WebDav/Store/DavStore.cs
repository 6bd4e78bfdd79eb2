using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;

namespace FolderPrism.WebDav.Store;

/// <summary>The root collection plus every registered <see cref="IDavMount"/>.</summary>
public sealed class DavStore : IDavStore
{
    private readonly Dictionary<string, IDavMount> _mounts;
    private readonly RootCollection _root;

    public DavStore(IEnumerable<IDavMount> mounts, LivePropertyCatalog catalog, TimeProvider time)
    {
        _mounts = mounts.ToDictionary(m => m.Name, StringComparer.Ordinal);
        _root = new RootCollection(this, _mounts.Keys.Order(StringComparer.Ordinal).ToArray(), catalog.Collections, time.GetUtcNow());
    }

    public ValueTask<IDavItem?> GetItemAsync(DavPath path, CancellationToken cancellationToken)
    {
        if (path.IsRoot)
        {
            return ValueTask.FromResult<IDavItem?>(_root);
        }

        return _mounts.TryGetValue(path.Segments[0], out var mount)
            ? mount.GetItemAsync(path, cancellationToken)
            : ValueTask.FromResult<IDavItem?>(null);
    }

    public string? MapPhysicalPath(DavPath path) =>
        !path.IsRoot && _mounts.TryGetValue(path.Segments[0], out var mount) ? mount.MapPhysicalPath(path) : null;

    public bool IsProtectedRoot(DavPath path) => path.Segments.Count <= 1;

    public IDavVirtualWrites? GetVirtualWrites(DavPath path) =>
        !path.IsRoot && _mounts.TryGetValue(path.Segments[0], out var mount) ? mount as IDavVirtualWrites : null;
}
