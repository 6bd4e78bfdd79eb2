using FolderPrism.Core.Library;
using FolderPrism.Views.Items;
using FolderPrism.Views.Naming;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Duplicates;

/// <summary>
/// Loads every duplicate group from the index in four queries (exact-hash groups, displaced versions, their kept
/// items). Duplicates are few next to the library, so groups are built in memory per request.
/// </summary>
internal static class DuplicateGroups
{
    public static async Task<List<DuplicateGroup>> LoadAsync(ViewServices services, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var visible = ItemQueries.Visible(db);
        // Candidate hashes from the ContentHash index alone (no table rows read); visibility is checked on the few matches.
        var hashes = await db.MediaItems.Where(i => i.ContentHash != null).GroupBy(i => i.ContentHash)
            .Where(g => g.Count() > 1).Select(g => g.Key!).ToListAsync(cancellationToken);
        var exact = hashes.Count == 0 ? []
            : Chronological(await visible.Where(i => hashes.Contains(i.ContentHash!)).ToUnorderedEntries().ToListAsync(cancellationToken));
        var displaced = await db.DisplacedVersions.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var keptIds = displaced.Select(d => d.KeptItemId).Distinct().ToList();
        var kept = keptIds.Count == 0 ? []
            : Chronological(await visible.Where(i => keptIds.Contains(i.Id)).ToUnorderedEntries().ToListAsync(cancellationToken));

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

        var names = ItemNames.Assign(groups.Select(g => g.Kept)).ToDictionary(n => n.Entry.Id, n => n.Name);
        foreach (var group in groups)
        {
            var name = names[group.Kept.Id];
            var dot = name.LastIndexOf('.');
            group.FolderName = dot > 0 ? name[..dot] + " " + name[(dot + 1)..] : name;
        }

        return groups.OrderBy(g => g.Kept.TakenLocal).ThenBy(g => g.FolderName, StringComparer.Ordinal).ToList();
    }

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
