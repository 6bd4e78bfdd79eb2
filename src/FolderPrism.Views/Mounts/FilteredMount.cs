using FolderPrism.Views.Items;
using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Mounts;

/// <summary>A flat view of everything matching one filter (<c>/Favorites</c>), split by date when large.</summary>
internal sealed class FilteredMount(ViewServices services, ShardedSet set, string name, ItemFilter filter)
    : ViewMount(services, set, name)
{
    protected override Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken) =>
        Set.ResolveAsync(RootPath, filter, Shard.All, rest, cancellationToken);
}
