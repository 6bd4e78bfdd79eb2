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
    }

    private int Limit => Math.Max(1, services.Options.MaxFolderEntries);

    public async IAsyncEnumerable<IDavItem> ListAsync(
        DavPath folder, ItemFilter filter, Shard shard, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in await services.Listings.GetOrLoadAsync("set:" + folder.Value, ct => LoadAsync(folder, filter, shard, ct), cancellationToken))
        {
            yield return item;
        }
    }

    public async Task<IDavItem?> ResolveAsync(
        DavPath basePath, ItemFilter filter, Shard shard, IReadOnlyList<string> rest, CancellationToken cancellationToken)
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

            if (child is null || !await IsSplitAsync(filter, shard, child, cancellationToken))
            {
                return null;
            }

            shard = child;
            path = path.Child(segment);
        }

        return Folder(path, filter, shard);
    }

    public ViewFolder Folder(DavPath path, ItemFilter filter, Shard shard) => new(services, path, ct => ListAsync(path, filter, shard, ct));

    private async Task<IReadOnlyList<IDavItem>> LoadAsync(DavPath folder, ItemFilter filter, Shard shard, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken); // one connection (and one set-up) for every query below
        var items = filter(db, source(db)).InRange(shard.From, shard.To);
        List<ViewEntry> entries;
        if (shard.Part > 0)
        {
            entries = await items.ToEntries().Skip((shard.Part - 1) * Limit).Take(Limit).ToListAsync(cancellationToken);
        }
        else
        {
            entries = await items.ToEntries().Take(Limit + 1).ToListAsync(cancellationToken);
            if (entries.Count > Limit)
            {
                return await SubFoldersAsync(folder, filter, shard, items, cancellationToken);
            }
        }

        return ItemNames.Assign(entries).Select(n => (IDavItem)new ViewFile(services, folder.Child(n.Name), n.Entry)).ToList();
    }

    private async Task<List<IDavItem>> SubFoldersAsync(
        DavPath folder, ItemFilter filter, Shard shard, IQueryable<MediaItem> items, CancellationToken cancellationToken)
    {
        var children = new List<(string Name, Shard Shard)>();
        switch (shard.Level)
        {
            case ShardLevel.All:
                foreach (var year in await ItemQueries.YearsAsync(items, cancellationToken))
                {
                    children.Add((year.ToString("D4", CultureInfo.InvariantCulture), Shard.Year(year)));
                }

                break;
            case ShardLevel.Year:
                var y = shard.From!.Value.Year;
                foreach (var month in await ItemQueries.MonthsAsync(items, cancellationToken))
                {
                    children.Add((MonthName(y, month), Shard.Month(y, month)));
                }

                break;
            case ShardLevel.Month:
                var first = shard.From!.Value;
                foreach (var day in await ItemQueries.DaysAsync(items, cancellationToken))
                {
                    var date = new DateTime(first.Year, first.Month, day);
                    children.Add((date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Shard.Day(date)));
                }

                break;
            default:
                var count = await items.CountAsync(cancellationToken);
                var parts = (count + Limit - 1) / Limit;
                for (var part = 1; part <= parts; part++)
                {
                    children.Add((PartName(part), shard with { Part = part }));
                }

                break;
        }

        return children.Select(c => (IDavItem)Folder(folder.Child(c.Name), filter, c.Shard)).ToList();
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
    private async Task<bool> IsSplitAsync(ItemFilter filter, Shard parent, Shard child, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        var parentItems = filter(db, source(db)).InRange(parent.From, parent.To);
        if (await parentItems.Select(i => i.Id).Take(Limit + 1).CountAsync(cancellationToken) <= Limit)
        {
            return false;
        }

        return child.Part > 0
            ? await parentItems.CountAsync(cancellationToken) > (child.Part - 1) * Limit
            : await parentItems.InRange(child.From, child.To).AnyAsync(cancellationToken);
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
            candidates = await filter(db, source(db)).InRange(shard.From, shard.To)
                .InRange(taken, taken.AddSeconds(1)).ToEntries().ToListAsync(cancellationToken);
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
