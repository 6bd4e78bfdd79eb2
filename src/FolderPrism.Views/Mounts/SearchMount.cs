using FolderPrism.Views.Items;
using FolderPrism.Views.Search;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.Views.Mounts;

/// <summary>
/// <c>/Search/&lt;query&gt;</c>: any folder name below is a query (see <see cref="SearchQuery"/>). The root lists the
/// queries users created as folders (<see cref="SavedSearches"/>): MKCOL saves one, MOVE renames it, DELETE of the
/// folder forgets it (never a photo); a name that was not created still opens when typed as a path.
/// </summary>
internal sealed class SearchMount(ViewServices services, ShardedSet set, SavedSearches saved)
    : ViewMount(services, set, services.Options.Search), IDavVirtualWrites
{
    protected override async Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken)
    {
        if (rest.Count == 0)
        {
            return CachedFolder(RootPath, async ct => (await saved.NamesAsync(ct)).Select(SavedFolder));
        }

        var keys = SearchKeys.For(rest[0]);
        return await Set.ResolveAsync(
            RootPath.Child(rest[0]), SearchQuery.Parse(rest[0]), keys.Members, keys.Bound, Shard.All, rest.Skip(1).ToArray(), cancellationToken);
    }

    public async ValueTask<bool> OccupiesAsync(IDavItem existing, CancellationToken cancellationToken) =>
        !IsQueryFolder(existing.Path) || await saved.IsSavedAsync(existing.Path.Name, cancellationToken);

    public async Task CreateCollectionAsync(DavPath path, CancellationToken cancellationToken)
    {
        Require(IsQueryFolder(path));
        await saved.SaveAsync(path.Name, cancellationToken);
    }

    public async Task DeleteAsync(IDavItem item, CancellationToken cancellationToken)
    {
        Require(item.IsCollection && IsQueryFolder(item.Path));
        await saved.RemoveAsync(item.Path.Name, cancellationToken);
    }

    public async Task<bool> ReceiveAsync(IDavItem source, DavPath destination, bool move, CancellationToken cancellationToken)
    {
        // Only a query folder onto a query folder: a photo copied here has no meaning (search results are computed).
        Require(source.IsCollection && IsQueryFolder(destination) && (!move || IsQueryFolder(source.Path)));
        await saved.RenameAsync(move ? source.Path.Name : null, destination.Name, cancellationToken);
        return true;
    }

    public Task<bool> PutAsync(DavPath path, Stream body, CancellationToken cancellationToken) =>
        throw new DavException(StatusCodes.Status403Forbidden);

    private bool IsQueryFolder(DavPath path) =>
        path.Segments.Count == 2 && string.Equals(path.Segments[0], Name, StringComparison.Ordinal);

    private static void Require(bool allowed)
    {
        if (!allowed)
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>A listed query folder; its results are computed only when it is opened itself.</summary>
    private ViewFolder SavedFolder(string name) => new(Services, RootPath.Child(name), ct => ResultsAsync(name, ct));

    private async IAsyncEnumerable<IDavItem> ResultsAsync(
        string name, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await ResolveAsync([name], cancellationToken) is { } folder)
        {
            await foreach (var child in folder.GetChildrenAsync(cancellationToken))
            {
                yield return child;
            }
        }
    }
}
