using FolderPrism.Views.Items;
using FolderPrism.Views.Search;
using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Mounts;

/// <summary><c>/Search/&lt;query&gt;</c>: any folder name below is a query (see <see cref="SearchQuery"/>); the root is empty.</summary>
internal sealed class SearchMount(ViewServices services, ShardedSet set) : ViewMount(services, set, services.Options.Search)
{
    protected override async Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken)
    {
        if (rest.Count == 0)
        {
            return ViewFolder.Empty(Services, RootPath);
        }

        var keys = SearchKeys.For(rest[0]);
        return await Set.ResolveAsync(
            RootPath.Child(rest[0]), SearchQuery.Parse(rest[0]), keys.Members, keys.Bound, Shard.All, rest.Skip(1).ToArray(), cancellationToken);
    }
}
