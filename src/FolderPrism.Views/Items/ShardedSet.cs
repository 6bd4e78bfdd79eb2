using System.Globalization;
using System.Runtime.CompilerServices;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Views.Naming;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Items;

/// <summary>
/// Lists and resolves the photos of one view below a folder, splitting into year → month → day → numbered parts
/// whenever a folder would list more than <see cref="ViewOptions.MaxFolderEntries"/>. A listing is one query (two
/// when the folder splits); a name is resolved with one query on its capture second.
/// </summary>
internal sealed class ShardedSet(ViewServices services, Func<FolderPrismDbContext, IQueryable<MediaItem>> source)
{
    public ShardedSet(ViewServices services)
        : this(services, ItemQueries.Visible)
    {
        _defaultSource = true;
    }

    /// <summary>The visible items (<see cref="ItemQueries.Visible"/>): what <see cref="MemberIds"/> shortcuts check.</summary>
    private readonly bool _defaultSource;

    private int Limit => Math.Max(1, services.Options.MaxFolderEntries);

    public IAsyncEnumerable<IDavItem> ListAsync(DavPath folder, ItemFilter filter, Shard shard, CancellationToken cancellationToken) =>
        ListAsync(folder, filter, null, shard, cancellationToken);

    public IAsyncEnumerable<IDavItem> ListAsync(DavPath folder, ItemFilter filter, MemberIds? members, Shard shard, CancellationToken cancellationToken) =>
        ListAsync(folder, filter, members, null, shard, cancellationToken);

    private async IAsyncEnumerable<IDavItem> ListAsync(
        DavPath folder, ItemFilter filter, MemberIds? members, MemberIds? bound, Shard shard, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in await services.Listings.GetOrLoadAsync("set:" + folder.Value, ct => LoadAsync(folder, filter, members, bound, shard, ct), cancellationToken))
        {
            yield return item;
        }
    }

    public Task<IDavItem?> ResolveAsync(
        DavPath basePath, ItemFilter filter, Shard shard, IReadOnlyList<string> rest, CancellationToken cancellationToken) =>
        ResolveAsync(basePath, filter, null, shard, rest, cancellationToken);

    public Task<IDavItem?> ResolveAsync(
        DavPath basePath, ItemFilter filter, MemberIds? members, Shard shard, IReadOnlyList<string> rest, CancellationToken cancellationToken) =>
        ResolveAsync(basePath, filter, members, null, shard, rest, cancellationToken);

    /// <summary>
    /// As above; <paramref name="bound"/> (a whole view's cheap superset of its matches, e.g. a search's date range)
    /// lets the whole-view listing read its rows in one query when the bound alone proves it flat.
    /// </summary>
    public async Task<IDavItem?> ResolveAsync(
        DavPath basePath, ItemFilter filter, MemberIds? members, MemberIds? bound, Shard shard, IReadOnlyList<string> rest,
        CancellationToken cancellationToken)
    {
        var path = basePath;
        for (var i = 0; i < rest.Count; i++)
        {
            var segment = rest[i];
            if (i == rest.Count - 1 && ItemNames.TryParseTime(segment, out var taken))
            {
                return await FindItemAsync(path.Child(segment), filter, shard, taken, cancellationToken);
            }

            var child = ParseChild(shard, segment);
            if (child is null && i == rest.Count - 1)
            {
                return await FindByOriginalNameAsync(path.Child(segment), filter, shard, cancellationToken);
            }

            if (child is null || !await IsSplitAsync(filter, members, shard, child, cancellationToken))
            {
                return null;
            }

            shard = child;
            path = path.Child(segment);
        }

        // The bound speaks for the whole view only (its own folder), not for a year or month below it.
        return rest.Count == 0
            ? new ViewFolder(services, path, ct => ListAsync(path, filter, members, bound, shard, ct))
            : Folder(path, filter, members, shard);
    }

    public ViewFolder Folder(DavPath path, ItemFilter filter, Shard shard) => Folder(path, filter, null, shard);

    /// <summary>
    /// The folder of <paramref name="shard"/> with its listing loaded now, or null when it lists nothing: a folder that
    /// only exists while it has photos (a Timeline month) is resolved by its own listing, which a PROPFIND Depth 1 or
    /// a gallery page reads right after, instead of a separate "any photo?" query (its own context, connection set-up
    /// and EF query: about a sixth of a cold month PROPFIND). Same cache key as <see cref="Folder(DavPath, ItemFilter, Shard)"/>.
    /// </summary>
    public async Task<ViewFolder?> ListedFolderAsync(DavPath path, ItemFilter filter, Shard shard, CancellationToken cancellationToken)
    {
        var items = await services.Listings.GetOrLoadAsync("set:" + path.Value, ct => LoadAsync(path, filter, null, null, shard, ct), cancellationToken);
        return items.Count == 0 ? null : new ViewFolder(services, path, _ => items.ToAsyncEnumerable());
    }

    public ViewFolder Folder(DavPath path, ItemFilter filter, MemberIds? members, Shard shard) =>
        new(services, path, ct => ListAsync(path, filter, members, shard, ct));

    private async Task<IReadOnlyList<IDavItem>> LoadAsync(
        DavPath folder, ItemFilter filter, MemberIds? members, MemberIds? bound, Shard shard, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken); // one connection (and one set-up) for every query below
        var items = filter(db, source(db)).InRange(shard.From, shard.To);
        List<ViewEntry> entries;
        var keyed = KeyedOverLimit(shard, members);
        if (keyed is not null && await keyed(db, cancellationToken) is { } over)
        {
            if (over)
            {
                return await SubFoldersAsync(folder, filter, members, shard, db, cancellationToken);
            }

            // At most the limit: the few members by key, not a walk of the whole date index probing each row.
            var memberIds = members!(db);
            var rows = filter(db, db.MediaItems.AsNoTracking().Where(i => memberIds.Contains(i.Id)))
                .Select(i => new { i.Id, i.RelativePath, i.Size, i.TakenLocal, i.TakenOffsetMinutes, i.ContentHash, i.FirstSeenAt, i.State, i.TrashedAt });
            entries = (await EntryReader.ReadAsync(db, rows, cancellationToken)).OrderBy(e => e.TakenLocal).ThenBy(e => e.Id).ToList();
        }
        else if (shard.Part > 0)
        {
            entries = await EntryReader.ReadEntriesAsync(db, items.ToEntries().Skip((shard.Part - 1) * Limit).Take(Limit), cancellationToken);
        }
        else if (_defaultSource && shard.Level == ShardLevel.All && !await FitsAsync(bound, db, cancellationToken))
        {
            // A whole view (a search, /Favorites...) often splits: "over the limit?" from ids alone (the date index
            // covers them), so a view that splits reads and converts no row; one that does not reads its rows by key,
            // in the scan's order (a key seek per row: dearer than the scan's row reads, so months and days, usually
            // flat, and a view whose bound proves it flat keep the one-query path below).
            var ids = await items.OrderBy(i => i.TakenLocal).ThenBy(i => i.Id).Select(i => i.Id).Take(Limit + 1).ToListAsync(cancellationToken);
            if (ids.Count > Limit)
            {
                return await SubFoldersAsync(folder, filter, members, shard, db, cancellationToken);
            }

            entries = await ItemQueries.VisibleByIdsAsync(db, ids, cancellationToken);
        }
        else
        {
            entries = await EntryReader.ReadEntriesAsync(db, items.ToEntries().Take(Limit + 1), cancellationToken);
            if (entries.Count > Limit)
            {
                return await SubFoldersAsync(folder, filter, members, shard, db, cancellationToken);
            }
        }

        return ItemNames.Assign(entries).Select(n => (IDavItem)new ViewFile(services, folder.Child(n.Name), n.Entry)).ToList();
    }

    /// <summary>True when the view's bound (a superset of its matches) holds at most the limit: an index-only count.</summary>
    private async Task<bool> FitsAsync(MemberIds? bound, FolderPrismDbContext db, CancellationToken cancellationToken) =>
        bound is not null && await bound(db).Take(Limit + 1).CountAsync(cancellationToken) <= Limit;

    /// <summary>
    /// For a whole view (no date range) of the default visible source with known members: "over the limit?" from the
    /// association index — the links counted up to the limit (index only), then, only when there are more, the visible
    /// ones (a key probe each, stopping past the limit). Null when it does not apply (the date-ordered scan decides).
    /// </summary>
    private Func<FolderPrismDbContext, CancellationToken, Task<bool?>>? KeyedOverLimit(Shard shard, MemberIds? members)
    {
        if (members is null || !_defaultSource || shard.From is not null || shard.To is not null || shard.Part > 0)
        {
            return null;
        }

        return async (db, cancellationToken) =>
        {
            if (await members(db).Take(Limit + 1).CountAsync(cancellationToken) <= Limit)
            {
                return false;
            }

            var visible = await members(db)
                .Where(id => db.MediaItems.Any(m => m.Id == id && m.State == ItemState.Present && m.TrashedAt == null && m.TakenLocal != null))
                .Take(Limit + 1).CountAsync(cancellationToken);
            return visible > Limit ? true : null; // trashed/missing links made the difference: the scan settles it
        };
    }

    private async Task<List<IDavItem>> SubFoldersAsync(
        DavPath folder, ItemFilter filter, MemberIds? members, Shard shard, FolderPrismDbContext db, CancellationToken cancellationToken)
    {
        // Each skip query's starting point comes first, before the view's own dates (see ItemQueries.YearsAsync).
        IQueryable<MediaItem> From(DateTime? from) => filter(db, source(db).InRange(from, null)).InRange(shard.From, shard.To);
        var children = new List<(string Name, Shard Shard)>();
        switch (shard.Level)
        {
            case ShardLevel.All:
                foreach (var year in await ItemQueries.YearsAsync(From, cancellationToken))
                {
                    children.Add((year.ToString("D4", CultureInfo.InvariantCulture), Shard.Year(year)));
                }

                break;
            case ShardLevel.Year:
                var y = shard.From!.Value.Year;
                foreach (var month in await ItemQueries.MonthsAsync(From, cancellationToken))
                {
                    children.Add((MonthName(y, month), Shard.Month(y, month)));
                }

                break;
            case ShardLevel.Month:
                var first = shard.From!.Value;
                foreach (var day in await ItemQueries.DaysAsync(From, cancellationToken))
                {
                    var date = new DateTime(first.Year, first.Month, day);
                    children.Add((date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Shard.Day(date)));
                }

                break;
            default:
                var count = await From(null).CountAsync(cancellationToken);
                var parts = (count + Limit - 1) / Limit;
                for (var part = 1; part <= parts; part++)
                {
                    children.Add((PartName(part), shard with { Part = part }));
                }

                break;
        }

        return children.Select(c => (IDavItem)Folder(folder.Child(c.Name), filter, members, c.Shard)).ToList();
    }

    public static string MonthName(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    private string PartName(int part) => services.Options.PartPrefix + part.ToString("D3", CultureInfo.InvariantCulture);

    private Shard? ParseChild(Shard parent, string segment)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (parent.Level)
        {
            case ShardLevel.All when parent.Part == 0:
                return segment.Length == 4 && int.TryParse(segment, NumberStyles.None, invariant, out var year) && year >= 1
                    ? Shard.Year(year) : null;
            case ShardLevel.Year:
                return DateTime.TryParseExact(segment, "yyyy-MM", invariant, DateTimeStyles.None, out var month)
                       && month.Year == parent.From!.Value.Year ? Shard.Month(month.Year, month.Month) : null;
            case ShardLevel.Month:
                return DateTime.TryParseExact(segment, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day)
                       && day >= parent.From && day < parent.To ? Shard.Day(day) : null;
            case ShardLevel.Day when parent.Part == 0:
                var prefix = services.Options.PartPrefix;
                return segment.StartsWith(prefix, StringComparison.Ordinal)
                       && int.TryParse(segment.AsSpan(prefix.Length), NumberStyles.None, invariant, out var part) && part >= 1
                       && segment == PartName(part) ? parent with { Part = part } : null;
            default:
                return null;
        }
    }

    /// <summary>A sub-folder exists only while its parent is over the limit and it has something in it.</summary>
    private async Task<bool> IsSplitAsync(ItemFilter filter, MemberIds? members, Shard parent, Shard child, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken); // one connection set-up (pragmas) for every query below
        var parentItems = filter(db, source(db)).InRange(parent.From, parent.To);
        var keyed = KeyedOverLimit(parent, members);
        var over = keyed is null ? null : await keyed(db, cancellationToken);
        if (over == false || (over is null && await parentItems.Select(i => i.Id).Take(Limit + 1).CountAsync(cancellationToken) <= Limit))
        {
            return false;
        }

        return child.Part > 0
            ? await parentItems.CountAsync(cancellationToken) > (child.Part - 1) * Limit
            : await filter(db, source(db).InRange(child.From, child.To)).InRange(parent.From, parent.To).AnyAsync(cancellationToken);
    }

    /// <summary>
    /// A photo asked for by its original file name (not listed): a client that just copied <c>IMG_1.JPG</c> into a
    /// tag folder checks it arrived under that name.
    /// </summary>
    private async Task<IDavItem?> FindByOriginalNameAsync(DavPath path, ItemFilter filter, Shard shard, CancellationToken cancellationToken)
    {
        var name = path.Name;
        var suffix = "/" + name;
        ViewEntry? entry;
        await using (var db = await services.Contexts.CreateDbContextAsync(cancellationToken))
        {
            entry = await filter(db, source(db)).InRange(shard.From, shard.To)
                .Where(i => i.RelativePath == name || i.RelativePath.EndsWith(suffix)).ToEntries().FirstOrDefaultAsync(cancellationToken);
        }

        var stat = entry is null ? null : new FileInfo(services.FullPath(entry.RelativePath));
        return stat is { Exists: true } ? new ViewFile(services, path, entry!, stat) : null;
    }

    private async Task<IDavItem?> FindItemAsync(
        DavPath path, ItemFilter filter, Shard shard, DateTime taken, CancellationToken cancellationToken)
    {
        List<ViewEntry> candidates;
        await using (var db = await services.Contexts.CreateDbContextAsync(cancellationToken))
        {
            // The capture second first: SQLite seeks the date index with the first range it meets (not the folder's).
            candidates = await filter(db, source(db).InRange(taken, taken.AddSeconds(1))).InRange(shard.From, shard.To)
                .ToEntries().ToListAsync(cancellationToken);
        }

        foreach (var (entry, name) in ItemNames.Assign(candidates))
        {
            if (string.Equals(name, path.Name, StringComparison.Ordinal))
            {
                var stat = new FileInfo(services.FullPath(entry.RelativePath));
                return stat.Exists ? new ViewFile(services, path, entry, stat) : null;
            }
        }

        return null;
    }
}
