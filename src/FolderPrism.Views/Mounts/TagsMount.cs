using FolderPrism.Core.Library;
using FolderPrism.Views.Items;
using FolderPrism.Views.Naming;
using FolderPrism.Views.Writes;
using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Mounts;

/// <summary>
/// <c>/Tags/…</c>: one folder per tag, hierarchical tags (<c>Places|France|Paris</c>) as nested folders. A tag folder
/// holds its child tags and the photos tagged with exactly that tag.
/// </summary>
internal sealed class TagsMount(ViewServices services, ShardedSet set, TagEditor editor, ItemLocator locator)
    : ViewMount(services, set, services.Options.Tags), IDavVirtualWrites
{
    public async Task CreateCollectionAsync(DavPath path, CancellationToken cancellationToken)
    {
        var parent = await ParentTagAsync(path, mustConsumeAll: true, cancellationToken);
        await editor.CreateAsync(parent, path.Name, cancellationToken);
    }

    public async Task DeleteAsync(IDavItem item, CancellationToken cancellationToken)
    {
        if (item is ViewFile file)
        {
            var tag = await ParentTagAsync(item.Path, mustConsumeAll: false, cancellationToken)
                ?? throw new DavException(StatusCodes.Status403Forbidden);
            await editor.RemoveAsync(tag.Id, file.Entry.Id, cancellationToken);
            return;
        }

        var (folderTag, _, consumed) = await WalkAsync(item.Path.Segments.Skip(1).ToArray(), cancellationToken);
        if (folderTag is null || consumed != item.Path.Segments.Count - 1)
        {
            throw new DavException(StatusCodes.Status403Forbidden, message: "Only tag folders and photos can be deleted here.");
        }

        await editor.DeleteAsync(folderTag.Id, cancellationToken);
    }

    public async Task<bool> ReceiveAsync(IDavItem source, DavPath destination, bool move, CancellationToken cancellationToken)
    {
        if (source.IsCollection)
        {
            var (sourceTag, _, consumed) = source.Path.Segments[0] == Name
                ? await WalkAsync(source.Path.Segments.Skip(1).ToArray(), cancellationToken) : (null, RootPath, 0);
            if (!move || sourceTag is null || consumed != source.Path.Segments.Count - 1)
            {
                throw new DavException(StatusCodes.Status403Forbidden);
            }

            var newParent = await ParentTagAsync(destination, mustConsumeAll: true, cancellationToken);
            await editor.MoveAsync(sourceTag.Id, newParent, destination.Name, cancellationToken);
            return true;
        }

        var tag = await ParentTagAsync(destination, mustConsumeAll: false, cancellationToken)
            ?? throw new DavException(StatusCodes.Status403Forbidden);
        var itemId = await locator.ItemIdAsync(source, cancellationToken);
        if (source.Path.Segments[0] == Name && (await ParentTagAsync(source.Path, mustConsumeAll: false, cancellationToken))?.Id == tag.Id)
        {
            return true;
        }

        await editor.AddAsync(tag.Id, itemId, cancellationToken);
        return false;
    }

    public async Task<bool> PutAsync(DavPath path, Stream body, CancellationToken cancellationToken)
    {
        var tag = await ParentTagAsync(path, mustConsumeAll: false, cancellationToken) ?? throw new DavException(StatusCodes.Status403Forbidden);
        var item = await locator.ItemForPutAsync(path.Name, body, cancellationToken);
        if (item is null)
        {
            return false;
        }

        await editor.AddAsync(tag.Id, item.Value, cancellationToken);
        return true;
    }

    /// <summary>The tag whose folder holds <paramref name="path"/> (null for /Tags itself); 409 when the parent is not a tag.</summary>
    private async Task<Tag?> ParentTagAsync(DavPath path, bool mustConsumeAll, CancellationToken cancellationToken)
    {
        var parentSegments = path.Segments.Skip(1).SkipLast(1).ToArray();
        var (tag, _, consumed) = await WalkAsync(parentSegments, cancellationToken);
        if (mustConsumeAll && consumed != parentSegments.Length)
        {
            throw new DavException(StatusCodes.Status409Conflict, message: "The parent folder is not a tag.");
        }

        return tag;
    }

    // EXISTS (a probe of the ItemId+TagId key per row) suits the views' index-ordered scans with early exit (LIMIT, skip-scan).
    public static ItemFilter Filter(int tagId) => (db, items) => items.Where(i => db.ItemTags.Any(t => t.ItemId == i.Id && t.TagId == tagId));

    /// <summary>The tag's links from the (TagId, ItemId) index: exactly the items <see cref="Filter"/> matches.</summary>
    private static MemberIds Members(int tagId) => db => db.ItemTags.Where(t => t.TagId == tagId).Select(t => t.ItemId);

    protected override async Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken)
    {
        var (tag, path, consumed) = await WalkAsync(rest, cancellationToken);
        if (consumed == rest.Count)
        {
            return TagFolder(path, tag);
        }

        return tag is null ? null : await Set.ResolveAsync(path, Filter(tag.Id), Members(tag.Id), Shard.All, rest.Skip(consumed).ToArray(), cancellationToken);
    }

    /// <summary>Follows as many segments as name tags; returns the deepest tag (null at the root) and its path.</summary>
    public async Task<(Tag? Tag, DavPath Path, int Consumed)> WalkAsync(IReadOnlyList<string> segments, CancellationToken cancellationToken)
    {
        Tag? current = null;
        var path = RootPath;
        var consumed = 0;
        await using var db = await Services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken); // one connection set-up (pragmas) for every query below
        foreach (var segment in segments)
        {
            var parentId = current?.Id;
            var children = await db.Tags.AsNoTracking().Where(t => t.ParentId == parentId).ToListAsync(cancellationToken);
            var match = FolderNames.Assign(children, t => t.Name, t => NamedViews.IdKey(t.Id))
                .FirstOrDefault(c => string.Equals(c.Name, segment, StringComparison.Ordinal));
            if (match.Value is null)
            {
                break;
            }

            current = match.Value;
            path = path.Child(segment);
            consumed++;
        }

        return (current, path, consumed);
    }

    private ViewFolder TagFolder(DavPath path, Tag? tag) => CachedFolder(path, ct => ListAsync(path, tag, ct));

    private async Task<IEnumerable<IDavItem>> ListAsync(DavPath path, Tag? tag, CancellationToken cancellationToken)
    {
        var listing = new List<IDavItem>();
        List<Tag> children;
        await using (var db = await Services.Contexts.CreateDbContextAsync(cancellationToken))
        {
            var parentId = tag?.Id;
            children = await db.Tags.AsNoTracking().Where(t => t.ParentId == parentId).ToListAsync(cancellationToken);
        }

        foreach (var (child, name) in FolderNames.Assign(children, t => t.Name, t => NamedViews.IdKey(t.Id)))
        {
            listing.Add(TagFolder(path.Child(name), child));
        }

        if (tag is not null)
        {
            await foreach (var item in Set.ListAsync(path, Filter(tag.Id), Members(tag.Id), Shard.All, cancellationToken))
            {
                listing.Add(item);
            }
        }

        return listing;
    }
}
