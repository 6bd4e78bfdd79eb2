using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Data.Entities;
using FolderPrism.Views.Items;
using FolderPrism.Views.Naming;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Duplicates;

/// <summary>
/// Builds duplicate groups from the index. Candidate exact-duplicate hashes come from <see cref="DuplicateHash"/>
/// (kept by triggers, so no request groups the whole ContentHash index), displaced versions from their own table; both
/// are small next to the library. <see cref="LoadAsync"/> builds every group (the root and its year/month splits);
/// <see cref="FindAsync"/> builds only the groups of one capture second (a group folder's name starts with its kept
/// photo's capture second, and names can only collide within a second), from index seeks.
/// </summary>
internal static class DuplicateGroups
{
    public static async Task<List<DuplicateGroup>> LoadAsync(ViewServices services, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var displaced = await DuplicateMembers.DisplacedAsync(db, cancellationToken);
        // Members as IN (subquery) on the two small tables: SQLite seeks the hash and id indexes once per key, and no
        // list of hundreds of keys is turned into as many SQL parameters (slow to build and bind).
        var (exact, kept) = await DuplicateMembers.ReadAsync(db, cancellationToken);
        var near = await NearDuplicateGroups.ReadAsync(db, cancellationToken);
        return Build(Chronological(exact), Chronological(kept), displaced, near);
    }

    /// <summary>
    /// At most as many groups as there are shared hashes plus kept items with displaced versions: two small key counts
    /// that settle, without building any group, whether the group set can be over the folder limit.
    /// </summary>
    public static async Task<int> UpperBoundAsync(ViewServices services, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await db.Set<DuplicateHash>().CountAsync(cancellationToken)
               + await db.DisplacedVersions.Select(d => d.KeptItemId).Distinct().CountAsync(cancellationToken)
               + await NearDuplicateGroups.UpperBoundAsync(db, cancellationToken);
    }

    /// <summary>
    /// The groups whose kept photo was taken in the capture second <paramref name="taken"/>, named as in the full set:
    /// a range seek on the visible-by-date index, key probes, then the complete groups of the few hashes found.
    /// </summary>
    public static async Task<List<DuplicateGroup>> FindAsync(ViewServices services, DateTime taken, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var end = taken.AddSeconds(1);
        var candidates = await ItemQueries.Visible(db).InRange(taken, end)
            .Where(i => db.DisplacedVersions.Any(d => d.KeptItemId == i.Id) || db.Set<DuplicateHash>().Any(h => h.ContentHash == i.ContentHash)
                        || db.Set<NearDuplicatePair>().Any(p => p.ItemId == i.Id))
            .Select(i => new { i.Id, i.ContentHash }).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var near = await NearDuplicateGroups.ReadAroundAsync(db, candidates.Select(c => c.Id).ToList(), cancellationToken);
        var hashes = candidates.Select(c => c.ContentHash).Concat(near.Entries.Values.Select(e => e.ContentHash))
            .OfType<string>().Distinct().ToList();
        hashes = await db.Set<DuplicateHash>().Where(h => hashes.Contains(h.ContentHash)).Select(h => h.ContentHash).ToListAsync(cancellationToken);
        var members = hashes.Count == 0 ? []
            : (await VisibleByKeyAsync(db.MediaItems.Where(i => hashes.Contains(i.ContentHash!)), cancellationToken)).Select(e => e.Id).ToList();
        var ids = members.Concat(candidates.Select(c => c.Id)).Concat(near.Entries.Keys).Distinct().ToList();
        var displaced = await Listed(db.DisplacedVersions.Where(d => ids.Contains(d.KeptItemId))).ToListAsync(cancellationToken);
        var keptIds = displaced.Select(d => d.KeptItemId).Distinct().ToList();
        var groups = await BuildAsync(
            hashes.Count == 0 ? null : db.MediaItems.Where(i => hashes.Contains(i.ContentHash!)),
            keptIds.Count == 0 ? null : db.MediaItems.Where(i => keptIds.Contains(i.Id)), displaced, near, cancellationToken);
        return groups.Where(g => g.Kept.TakenLocal >= taken && g.Kept.TakenLocal < end).ToList();
    }

    /// <summary>Groups from the rows sharing a hash (<paramref name="byHash"/>) and the kept items of displaced versions
    /// (<paramref name="byKeptId"/>); a null query has no rows.</summary>
    private static async Task<List<DuplicateGroup>> BuildAsync(IQueryable<MediaItem>? byHash, IQueryable<MediaItem>? byKeptId,
        List<DisplacedVersion> displaced, NearDuplicateSet near, CancellationToken cancellationToken)
    {
        var exact = byHash is null ? [] : Chronological(await VisibleByKeyAsync(byHash, cancellationToken));
        var kept = byKeptId is null ? [] : Chronological(await VisibleByKeyAsync(byKeptId, cancellationToken));
        return Build(exact, kept, displaced, near);
    }

    /// <summary>Groups from the visible rows sharing a hash and the visible kept items, each in capture order, merged
    /// with the near-duplicate components (<see cref="NearDuplicateGroups.Merge"/>).</summary>
    private static List<DuplicateGroup> Build(List<ViewEntry> exact, List<ViewEntry> kept, List<DisplacedVersion> displaced, NearDuplicateSet near)
    {
        var byKept = displaced.ToLookup(d => d.KeptItemId);
        var groups = new List<DuplicateGroup>();
        var grouped = new HashSet<Guid>();
        foreach (var members in exact.GroupBy(e => e.ContentHash).Where(g => g.Skip(1).Any()))
        {
            var ordered = members.OrderBy(e => e.FirstSeenAt).ThenBy(e => e.Id).ToList();
            var keep = ordered.FirstOrDefault(e => byKept.Contains(e.Id)) ?? ordered[0];
            groups.Add(new DuplicateGroup(keep, ordered, ordered.SelectMany(e => byKept[e.Id]).ToList()));
            grouped.UnionWith(ordered.Select(e => e.Id));
        }

        foreach (var entry in kept.Where(k => !grouped.Contains(k.Id)))
        {
            groups.Add(new DuplicateGroup(entry, [entry], byKept[entry.Id].ToList()));
        }

        NearDuplicateGroups.Merge(groups, near, byKept);

        var names = ItemNames.Assign(groups.Select(g => g.Kept)).ToDictionary(n => n.Entry.Id, n => n.Name);
        foreach (var group in groups)
        {
            var name = names[group.Kept.Id];
            var dot = name.LastIndexOf('.');
            group.FolderName = dot > 0 ? name[..dot] + " " + name[(dot + 1)..] : name;
        }

        return groups.OrderBy(g => g.Kept.TakenLocal).ThenBy(g => g.FolderName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The visible items among rows found by key (hash or id lists). Visibility is checked here, not in SQL: with it in
    /// the WHERE clause SQLite prefers the (State, TrashedAt, TakenLocal) range — every visible row, 200,000 IN tests
    /// — over a few seeks of the key's own index.
    /// </summary>
    private static async Task<List<ViewEntry>> VisibleByKeyAsync(IQueryable<MediaItem> byKey, CancellationToken cancellationToken)
    {
        var rows = await byKey.AsNoTracking()
            .Select(i => new { i.Id, i.RelativePath, i.Size, i.TakenLocal, i.TakenOffsetMinutes, i.ContentHash, i.FirstSeenAt, i.State, i.TrashedAt })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.State == ItemState.Present && r.TrashedAt == null && r.TakenLocal != null)
            .Select(r => new ViewEntry(r.Id, r.RelativePath, r.Size, r.TakenLocal!.Value, r.TakenOffsetMinutes, r.ContentHash, r.FirstSeenAt))
            .ToList();
    }

    /// <summary>Displaced versions by id with only what groups and their files use (no source path, size in pixels, MIME
    /// type or distance): fewer columns read and converted for every version on every cold listing.</summary>
    private static IQueryable<DisplacedVersion> Listed(IQueryable<DisplacedVersion> versions) =>
        versions.OrderBy(d => d.Id).Select(d => new DisplacedVersion
        {
            Id = d.Id, KeptItemId = d.KeptItemId, HoldingPath = d.HoldingPath, OriginalSource = "", ContentHash = d.ContentHash,
            Size = d.Size, DisplacedAt = d.DisplacedAt,
        });

    private static List<ViewEntry> Chronological(List<ViewEntry> entries) =>
        entries.OrderBy(e => e.TakenLocal).ThenBy(e => e.Id).ToList();

    /// <summary>The files of one group folder: kept and identical items under their view names, then displaced versions.</summary>
    public static List<(string Name, ViewEntry Entry, long? DisplacedId)> Files(DuplicateGroup group)
    {
        var files = ItemNames.Assign(group.Members).Select(n => (n.Name, n.Entry, (long?)null)).ToList();
        foreach (var version in group.Displaced)
        {
            var fileName = version.HoldingPath[(version.HoldingPath.LastIndexOf('/') + 1)..];
            var entry = new ViewEntry(Guid.Empty, "../.duplicates/" + version.HoldingPath, version.Size, group.Kept.TakenLocal,
                group.Kept.TakenOffsetMinutes, version.ContentHash.Length == 0 ? null : version.ContentHash, version.DisplacedAt);
            var name = ItemNames.Base(group.Kept.TakenLocal, fileName, "displaced " + version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            files.Add((name, entry, version.Id));
        }

        return files;
    }
}
