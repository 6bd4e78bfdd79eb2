using FolderPrism.Views.Items;
using FolderPrism.Views.Naming;
using FolderPrism.Views.Trash;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Mounts;

/// <summary>
/// <c>/Trash</c>: what was deleted through Timeline, named like in the views. DELETE here deletes for good; MOVE of an
/// item back into <c>/Timeline</c> restores it to its original place.
/// </summary>
internal sealed class TrashMount(ViewServices services, ShardedSet set, TrashStore trash)
    : ViewMount(services, set, services.Options.Trash), IDavVirtualWrites
{
    protected override async Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken)
    {
        if (rest.Count == 0)
        {
            return Folder(RootPath, async ct => (await LoadAsync(null, ct)).Cast<IDavItem>());
        }

        if (rest.Count != 1 || !ItemNames.TryParseTime(rest[0], out var taken))
        {
            return null;
        }

        var match = (await LoadAsync(taken, cancellationToken)).FirstOrDefault(f => f.Path.Name == rest[0]);
        return match is not null && File.Exists(match.PhysicalPath) ? match : null;
    }

    public Task CreateCollectionAsync(DavPath path, CancellationToken cancellationToken) =>
        throw new DavException(StatusCodes.Status403Forbidden);

    public Task DeleteAsync(IDavItem item, CancellationToken cancellationToken) =>
        item is ViewFile file ? trash.PurgeAsync(file.Entry.Id, cancellationToken) : throw new DavException(StatusCodes.Status403Forbidden);

    public Task<bool> ReceiveAsync(IDavItem source, DavPath destination, bool move, CancellationToken cancellationToken) =>
        throw new DavException(StatusCodes.Status403Forbidden);

    public Task<bool> PutAsync(DavPath path, Stream body, CancellationToken cancellationToken) => Task.FromResult(false);

    private async Task<List<ViewFile>> LoadAsync(DateTime? second, CancellationToken cancellationToken)
    {
        await using var db = await Services.Contexts.CreateDbContextAsync(cancellationToken);
        var items = db.MediaItems.AsNoTracking().Where(i => i.TrashedAt != null && i.TakenLocal != null);
        if (second is { } t)
        {
            items = items.InRange(t, t.AddSeconds(1));
        }

        var entries = await items.ToEntries().Take(Math.Max(1, Services.Options.MaxFolderEntries)).ToListAsync(cancellationToken);
        return ItemNames.Assign(entries)
            .Select(n => new ViewFile(Services, RootPath.Child(n.Name), n.Entry, null, trash.TrashPath(n.Entry.Id, n.Entry.RelativePath)))
            .ToList();
    }
}
