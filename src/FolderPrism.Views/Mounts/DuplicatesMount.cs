using System.Globalization;
using FolderPrism.Views.Duplicates;
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
/// <c>/Duplicates/&lt;group&gt;/…</c>: each group of identical or near-identical photos (kept photo, identical items,
/// displaced versions), split by year and then month when there are more groups than the entry limit. DELETE of a
/// displaced version deletes that file for good (it is a lesser copy the user chose to drop); DELETE of a library item
/// here trashes it, as in Timeline: it is an original, so it stays recoverable.
/// </summary>
internal sealed class DuplicatesMount(ViewServices services, ShardedSet set, TrashStore trash)
    : ViewMount(services, set, services.Options.Duplicates), IDavVirtualWrites
{
    private int Limit => Math.Max(1, Services.Options.MaxFolderEntries);

    protected override async Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken)
    {
        if (rest.Count is 1 or 2 && ItemNames.TryParseTime(rest[0], out var taken) && await UnsplitAsync(cancellationToken))
        {
            // One group (or a file in it) while the root cannot be split: built from the groups of its capture second
            // alone (index seeks), never from the whole set.
            var second = taken.ToString(ItemNames.TimeFormat, CultureInfo.InvariantCulture);
            var near = await Services.Listings.GetOrLoadValueAsync(
                "duplicates-at:" + Name + ":" + second, ct => DuplicateGroups.FindAsync(Services, taken, ct), cancellationToken);
            return ResolveGroup(RootPath, near, rest, 0);
        }

        // Every other path resolves from the whole set of groups: computed once per index generation.
        var groups = await Services.Listings.GetOrLoadValueAsync("duplicates:" + Name, ct => DuplicateGroups.LoadAsync(Services, ct), cancellationToken);
        var path = RootPath;
        var scope = groups;
        var level = 0;
        for (var i = 0; i < rest.Count; i++)
        {
            if (level < 2 && scope.Count > Limit)
            {
                var key = level == 0 ? YearOf : (Func<DuplicateGroup, string>)MonthOf;
                scope = scope.Where(g => key(g) == rest[i]).ToList();
                if (scope.Count == 0)
                {
                    return null;
                }

                level++;
                path = path.Child(rest[i]);
                continue;
            }

            return ResolveGroup(path, scope, rest, i);
        }

        return Listing(path, scope, level);
    }

    /// <summary>True when the group set cannot be over the folder limit (an upper bound from two key counts).</summary>
    private async Task<bool> UnsplitAsync(CancellationToken cancellationToken)
    {
        var bound = await Services.Listings.GetOrLoadValueAsync(
            "duplicates-bound:" + Name, async ct => Tuple.Create(await DuplicateGroups.UpperBoundAsync(Services, ct)), cancellationToken);
        return bound.Item1 <= Limit;
    }

    /// <summary><paramref name="rest"/>[<paramref name="i"/>] names a group of <paramref name="scope"/>; an optional last segment a file in it.</summary>
    private IDavItem? ResolveGroup(DavPath path, List<DuplicateGroup> scope, IReadOnlyList<string> rest, int i)
    {
        var group = scope.FirstOrDefault(g => g.FolderName == rest[i]);
        var groupPath = path.Child(rest[i]);
        if (group is null || i < rest.Count - 2)
        {
            return null;
        }

        if (i == rest.Count - 1)
        {
            return GroupFolder(groupPath, group);
        }

        var match = DuplicateGroups.Files(group).FirstOrDefault(f => f.Name == rest[^1]);
        if (match.Entry is null)
        {
            return null;
        }

        var stat = new FileInfo(Services.FullPath(match.Entry.RelativePath));
        return stat.Exists ? new ViewFile(Services, groupPath.Child(match.Name), match.Entry, stat) { DisplacedId = match.DisplacedId } : null;
    }

    private IDavItem Listing(DavPath path, List<DuplicateGroup> groups, int level) =>
        Folder(path, _ =>
        {
            if (level < 2 && groups.Count > Limit)
            {
                var key = level == 0 ? YearOf : (Func<DuplicateGroup, string>)MonthOf;
                return Task.FromResult(groups.GroupBy(key).Select(g => Listing(path.Child(g.Key), g.ToList(), level + 1)).ToList().AsEnumerable());
            }

            return Task.FromResult(groups.Select(g => (IDavItem)GroupFolder(path.Child(g.FolderName), g)).ToList().AsEnumerable());
        });

    private IDavItem GroupFolder(DavPath path, DuplicateGroup group) =>
        Folder(path, _ => Task.FromResult(DuplicateGroups.Files(group)
            .Select(f => (IDavItem)new ViewFile(Services, path.Child(f.Name), f.Entry) { DisplacedId = f.DisplacedId }).ToList().AsEnumerable()));

    private static string YearOf(DuplicateGroup group) => group.Kept.TakenLocal.ToString("yyyy", CultureInfo.InvariantCulture);

    private static string MonthOf(DuplicateGroup group) => group.Kept.TakenLocal.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public Task CreateCollectionAsync(DavPath path, CancellationToken cancellationToken) => throw Forbidden();

    public async Task DeleteAsync(IDavItem item, CancellationToken cancellationToken)
    {
        if (item is not ViewFile file)
        {
            throw Forbidden(); // a whole group: ambiguous (which versions?), so refused
        }

        if (file.DisplacedId is not { } id)
        {
            await trash.TrashAsync(file.Entry.Id, cancellationToken);
            return;
        }

        await using var db = await Services.Contexts.CreateDbContextAsync(cancellationToken);
        var version = await db.DisplacedVersions.SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new DavException(StatusCodes.Status404NotFound);
        var physical = Path.Combine(Services.HoldingRoot, version.HoldingPath);
        File.Delete(physical);
        db.DisplacedVersions.Remove(version);
        await db.SaveChangesAsync(CancellationToken.None);
        var folder = Path.GetDirectoryName(physical)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    public Task<bool> ReceiveAsync(IDavItem source, DavPath destination, bool move, CancellationToken cancellationToken) => throw Forbidden();

    public Task<bool> PutAsync(DavPath path, Stream body, CancellationToken cancellationToken) => Task.FromResult(false);

    private static DavException Forbidden() => new(StatusCodes.Status403Forbidden);
}
