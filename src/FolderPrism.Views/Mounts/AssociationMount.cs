using FolderPrism.Data;
using FolderPrism.Views.Items;
using FolderPrism.Views.Writes;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.Views.Mounts;

/// <summary>
/// <c>/People</c> and <c>/Albums</c> with organising writes: MKCOL creates, DELETE of the folder removes the grouping
/// (never photos), DELETE of a photo removes it from the grouping, COPY/MOVE/PUT of a photo adds it, MOVE of a folder
/// renames (merging into an existing name).
/// </summary>
internal sealed class AssociationMount(
    ViewServices services, ShardedSet set, string name,
    Func<FolderPrismDbContext, CancellationToken, Task<List<NamedKey>>> load, Func<string, ItemFilter> filterFor,
    IAssociationKind kind, ItemLocator locator,
    Func<FolderPrismDbContext, string, CancellationToken, Task<NamedKey?>>? findUnlisted = null)
    : NamedMount(services, set, name, load, filterFor, findUnlisted), IDavVirtualWrites
{
    public async Task CreateCollectionAsync(DavPath path, CancellationToken cancellationToken)
    {
        if (path.Segments.Count != 2)
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }

        await kind.CreateAsync(path.Name, cancellationToken);
    }

    public async Task DeleteAsync(IDavItem item, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(item.Path, cancellationToken);
        if (item.IsCollection && item.Path.Segments.Count == 2)
        {
            await kind.DeleteAsync(key, cancellationToken);
        }
        else if (item is ViewFile file)
        {
            await kind.RemoveAsync(key, file.Entry.Id, cancellationToken);
        }
        else
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }
    }

    public async Task<bool> ReceiveAsync(IDavItem source, DavPath destination, bool move, CancellationToken cancellationToken)
    {
        if (source.IsCollection)
        {
            if (!move || destination.Segments.Count != 2 || source.Path.Segments.Count != 2 || source.Path.Segments[0] != Name)
            {
                throw new DavException(StatusCodes.Status403Forbidden);
            }

            await kind.RenameAsync(await KeyAsync(source.Path, cancellationToken), destination.Name, cancellationToken);
            return true;
        }

        var key = await KeyAsync(destination, cancellationToken);
        if (source.Path.Segments.Count >= 3 && source.Path.Segments[0] == Name && source.Path.Segments[1] == destination.Segments[1])
        {
            return true;
        }

        if (move && source.Path.Segments.Count >= 3 && source.Path.Segments[0] == Name)
        {
            // A photo moved between two folders of this mount: taken out of the source first (its key resolved before
            // anything changes — an Unknown N folder can drop below the threshold and vanish once its face moves on),
            // then added. People move the very face that was in the source folder when there is one.
            if (PeopleViews.ClusterId(key) is not null)
            {
                throw new DavException(StatusCodes.Status403Forbidden, message: "Name the person first (rename the Unknown folder), then add photos.");
            }

            var from = await KeyAsync(source.Path, cancellationToken);
            var itemId = await locator.ItemIdAsync(source, cancellationToken);
            if (kind is VisionPeopleKind people && await people.MoveFaceAsync(from, key, itemId, cancellationToken))
            {
                return true;
            }

            await kind.RemoveAsync(from, itemId, cancellationToken);
            await kind.AddAsync(key, itemId, cancellationToken);
            return true;
        }

        await kind.AddAsync(key, await locator.ItemIdAsync(source, cancellationToken), cancellationToken);
        return false;
    }

    public async Task<bool> PutAsync(DavPath path, Stream body, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(path, cancellationToken);
        var item = await locator.ItemForPutAsync(path.Name, body, cancellationToken);
        if (item is null)
        {
            return false;
        }

        await kind.AddAsync(key, item.Value, cancellationToken);
        return true;
    }

    private async Task<string> KeyAsync(DavPath path, CancellationToken cancellationToken)
    {
        if (path.Segments.Count < 2)
        {
            throw new DavException(StatusCodes.Status403Forbidden);
        }

        var found = await FindAsync(path.Segments[1], cancellationToken);
        return found?.Key ?? throw new DavException(StatusCodes.Status409Conflict, message: "No such folder.");
    }
}
