using FolderPrism.Views.Items;
using FolderPrism.Views.Trash;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.Views.Mounts;

/// <summary>
/// <c>/Trash</c>: what was deleted through Timeline, Originals or Duplicates, named like in the views and split like
/// any view above the entry limit. DELETE of an item, a sub-folder or <c>/Trash</c> itself deletes for good; MOVE of an
/// item back into <c>/Timeline</c> (or into Originals/, through <see cref="OriginalsRecycleBin"/>) restores it.
/// </summary>
internal sealed class TrashMount(ViewServices services, TrashStore trash)
    : ViewMount(services, new ShardedSet(services, db => TrashQueries.Trashed(db)), services.Options.Trash), IDavVirtualWrites
{
    private static readonly ItemFilter All = (_, items) => items;

    public bool CanDeleteRoot => true;

    protected override Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken) =>
        Set.ResolveAsync(RootPath, All, Shard.All, rest, cancellationToken);

    public Task CreateCollectionAsync(DavPath path, CancellationToken cancellationToken) =>
        throw new DavException(StatusCodes.Status403Forbidden);

    public async Task DeleteAsync(IDavItem item, CancellationToken cancellationToken)
    {
        if (item is ViewFile file)
        {
            await trash.PurgeAsync(file.Entry.Id, cancellationToken);
            return;
        }

        // A folder (the trash itself or one of its date splits): everything under it, collected first.
        var files = new List<ViewFile>();
        await CollectAsync(item, files, cancellationToken);
        foreach (var each in files)
        {
            await trash.PurgeAsync(each.Entry.Id, cancellationToken);
        }
    }

    /// <summary>MOVE of a photo (from a view or from Originals/) into the trash is a DELETE; COPY has no meaning here.</summary>
    public async Task<bool> ReceiveAsync(IDavItem source, DavPath destination, bool move, CancellationToken cancellationToken)
    {
        if (move && source is ViewFile { DisplacedId: null } file && source.Path.Segments[0] != Services.Options.Trash)
        {
            await trash.TrashAsync(file.Entry.Id, cancellationToken);
            return true;
        }

        if (move && source is { IsCollection: false, PhysicalPath: { } physical } && source is not ViewFile
            && await trash.TrashFileAsync(physical, cancellationToken))
        {
            return true;
        }

        throw new DavException(StatusCodes.Status403Forbidden);
    }

    public Task<bool> PutAsync(DavPath path, Stream body, CancellationToken cancellationToken) => Task.FromResult(false);

    private static async Task CollectAsync(IDavItem folder, List<ViewFile> files, CancellationToken cancellationToken)
    {
        await foreach (var child in folder.GetChildrenAsync(cancellationToken))
        {
            if (child is ViewFile file)
            {
                files.Add(file);
            }
            else if (child.IsCollection)
            {
                await CollectAsync(child, files, cancellationToken);
            }
        }
    }
}
