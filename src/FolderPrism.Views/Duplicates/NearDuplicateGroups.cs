using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Data.Entities;
using FolderPrism.Indexing.Import;
using FolderPrism.Views.Items;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Duplicates;

/// <summary>
/// Near-duplicate groups of library items: the pairs the index stored (<see cref="NearDuplicatePair"/>, found when an
/// item got its perceptual hash) joined into connected components of visible items, and merged with the exact and
/// displaced-version groups they touch, so every version of one photo is in one group. The kept photo of a group that
/// has near matches is the best version by import's ranking (<see cref="PhotoVersion.CompareQuality"/>). Kept apart
/// from <see cref="DuplicateGroups"/> so that exact grouping stays as it was; it merges in at one point.
/// </summary>
internal static class NearDuplicateGroups
{
    /// <summary>Every stored pair: a small table (only real near duplicates), read whole for a cold root listing.</summary>
    public static async Task<NearDuplicateSet> ReadAsync(FolderPrismDbContext db, CancellationToken cancellationToken)
    {
        var pairs = await db.Set<NearDuplicatePair>().AsNoTracking().Select(p => new { p.ItemId, p.OtherId }).ToListAsync(cancellationToken);
        return pairs.Count == 0 ? NearDuplicateSet.Empty
            : await SetAsync(db, OneWay(pairs.Select(p => (p.ItemId, p.OtherId))), cancellationToken);
    }

    /// <summary>The pairs of the components that hold any of <paramref name="seeds"/>, followed by key seeks.</summary>
    public static async Task<NearDuplicateSet> ReadAroundAsync(FolderPrismDbContext db, IReadOnlyCollection<Guid> seeds, CancellationToken cancellationToken)
    {
        var seen = new HashSet<Guid>(seeds);
        var frontier = seeds.ToList();
        var pairs = new List<(Guid, Guid)>();
        while (frontier.Count > 0)
        {
            var found = await db.Set<NearDuplicatePair>().AsNoTracking().Where(p => frontier.Contains(p.ItemId))
                .Select(p => new { p.ItemId, p.OtherId }).ToListAsync(cancellationToken);
            pairs.AddRange(found.Select(p => (p.ItemId, p.OtherId)));
            frontier = found.Select(p => p.OtherId).Where(seen.Add).ToList();
        }

        pairs = OneWay(pairs);
        return pairs.Count == 0 ? NearDuplicateSet.Empty : await SetAsync(db, pairs, cancellationToken);
    }

    /// <summary>An upper bound of the near-only groups: each holds at least two items with pairs.</summary>
    public static async Task<int> UpperBoundAsync(FolderPrismDbContext db, CancellationToken cancellationToken) =>
        await db.Set<NearDuplicatePair>().Select(p => p.ItemId).Distinct().CountAsync(cancellationToken) / 2;

    /// <summary>
    /// Merges the near components into <paramref name="groups"/>: a component and every group sharing an item with
    /// it become one group (members in first-seen order, all their displaced versions), kept = the best version.
    /// </summary>
    public static void Merge(List<DuplicateGroup> groups, NearDuplicateSet near, ILookup<Guid, DisplacedVersion> byKept)
    {
        if (near.Pairs.Count == 0)
        {
            return;
        }

        var parent = near.Entries.Keys.ToDictionary(id => id, id => id);
        foreach (var (a, b) in near.Pairs.Where(p => parent.ContainsKey(p.A) && parent.ContainsKey(p.B)))
        {
            parent[Root(parent, a)] = Root(parent, b);
        }

        var groupOf = new Dictionary<Guid, DuplicateGroup>();
        foreach (var group in groups)
        {
            foreach (var member in group.Members)
            {
                groupOf.TryAdd(member.Id, group);
            }
        }

        foreach (var component in parent.Keys.GroupBy(id => Root(parent, id)).Where(c => c.Skip(1).Any()))
        {
            var touching = component.Select(id => groupOf.GetValueOrDefault(id)).OfType<DuplicateGroup>().Distinct().ToList();
            var members = touching.SelectMany(g => g.Members).Concat(component.Select(id => near.Entries[id]))
                .DistinctBy(e => e.Id).OrderBy(e => e.FirstSeenAt).ThenBy(e => e.Id).ToList();
            var keep = members.OrderBy(e => e, new KeptFirst(near.Versions, byKept)).First();
            var merged = new DuplicateGroup(keep, members, touching.SelectMany(g => g.Displaced).ToList());
            groups.RemoveAll(touching.Contains);
            groups.Add(merged);
            foreach (var member in members)
            {
                groupOf[member.Id] = merged;
            }
        }
    }

    /// <summary>Each pair once (they are stored both ways round).</summary>
    private static List<(Guid, Guid)> OneWay(IEnumerable<(Guid A, Guid B)> pairs) =>
        pairs.Select(p => p.A.CompareTo(p.B) < 0 ? p : (p.B, p.A)).Distinct().ToList();

    private static Guid Root(Dictionary<Guid, Guid> parent, Guid id)
    {
        while (parent[id] != id)
        {
            parent[id] = parent[parent[id]];
            id = parent[id];
        }

        return id;
    }

    /// <summary>The visible items of <paramref name="pairs"/> (entries and versions) and the pairs between them.</summary>
    private static async Task<NearDuplicateSet> SetAsync(FolderPrismDbContext db, List<(Guid A, Guid B)> pairs, CancellationToken cancellationToken)
    {
        var ids = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().ToList();
        var rows = await db.MediaItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.RelativePath, i.Size, i.TakenLocal, i.TakenOffsetMinutes, i.ContentHash, i.FirstSeenAt, i.State, i.TrashedAt })
            .ToListAsync(cancellationToken);
        var entries = rows.Where(r => r.State == ItemState.Present && r.TrashedAt == null && r.TakenLocal != null)
            .ToDictionary(r => r.Id, r => new ViewEntry(r.Id, r.RelativePath, r.Size, r.TakenLocal!.Value, r.TakenOffsetMinutes, r.ContentHash, r.FirstSeenAt));
        var visible = entries.Keys.ToList();
        var versions = (await PhotoVersions.LoadAsync(db.MediaItems.Where(i => visible.Contains(i.Id)), cancellationToken))
            .ToDictionary(v => v.ItemId!.Value);
        return new NearDuplicateSet(entries, versions, pairs.Where(p => entries.ContainsKey(p.A) && entries.ContainsKey(p.B)).ToList());
    }

    /// <summary>
    /// Best version first (import's ranking; a member not yet hashed ranks last), then the item import kept
    /// displaced versions for, then the first seen.
    /// </summary>
    private sealed class KeptFirst(Dictionary<Guid, PhotoVersion> versions, ILookup<Guid, DisplacedVersion> byKept) : IComparer<ViewEntry>
    {
        public int Compare(ViewEntry? x, ViewEntry? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : 1) : -1;
            }

            var (vx, vy) = (versions.GetValueOrDefault(x.Id), versions.GetValueOrDefault(y.Id));
            var c = vx is null || vy is null ? (vx is null).CompareTo(vy is null) : vy.CompareQuality(vx);
            if (c != 0)
            {
                return c;
            }

            c = byKept.Contains(y.Id).CompareTo(byKept.Contains(x.Id));
            return c != 0 ? c : x.FirstSeenAt != y.FirstSeenAt ? x.FirstSeenAt.CompareTo(y.FirstSeenAt) : x.Id.CompareTo(y.Id);
        }
    }
}
