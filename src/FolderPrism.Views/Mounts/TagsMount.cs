using FolderPrism.Core.Library;
using FolderPrism.Views.Items;
using FolderPrism.Views.Naming;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Mounts;

/// <summary>
/// <c>/Tags/…</c>: one folder per tag, hierarchical tags (<c>Places|France|Paris</c>) as nested folders. A tag folder
/// holds its child tags and the photos tagged with exactly that tag.
/// </summary>
internal sealed class TagsMount(ViewServices services, ShardedSet set) : ViewMount(services, set, services.Options.Tags)
{
    public static ItemFilter Filter(int tagId) => (db, items) => items.Where(i => db.ItemTags.Any(t => t.ItemId == i.Id && t.TagId == tagId));

    protected override async Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken)
    {
        var (tag, path, consumed) = await WalkAsync(rest, cancellationToken);
        if (consumed == rest.Count)
        {
            return TagFolder(path, tag);
        }

        return tag is null ? null : await Set.ResolveAsync(path, Filter(tag.Id), Shard.All, rest.Skip(consumed).ToArray(), cancellationToken);
    }

    /// <summary>Follows as many segments as name tags; returns the deepest tag (null at the root) and its path.</summary>
    public async Task<(Tag? Tag, DavPath Path, int Consumed)> WalkAsync(IReadOnlyList<string> segments, CancellationToken cancellationToken)
    {
        Tag? current = null;
        var path = RootPath;
        var consumed = 0;
        await using var db = await Services.Contexts.CreateDbContextAsync(cancellationToken);
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

    private ViewFolder TagFolder(DavPath path, Tag? tag) => new(Services, path, ct => ListAsync(path, tag, ct));

    private async IAsyncEnumerable<IDavItem> ListAsync(
        DavPath path, Tag? tag, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Tag> children;
        await using (var db = await Services.Contexts.CreateDbContextAsync(cancellationToken))
        {
            var parentId = tag?.Id;
            children = await db.Tags.AsNoTracking().Where(t => t.ParentId == parentId).ToListAsync(cancellationToken);
        }

        foreach (var (child, name) in FolderNames.Assign(children, t => t.Name, t => NamedViews.IdKey(t.Id)))
        {
            yield return TagFolder(path.Child(name), child);
        }

        if (tag is not null)
        {
            await foreach (var item in Set.ListAsync(path, Filter(tag.Id), Shard.All, cancellationToken))
            {
                yield return item;
            }
        }
    }
}
