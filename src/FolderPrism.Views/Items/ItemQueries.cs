using FolderPrism.Core.Library;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Items;

/// <summary>The queries every view shares: what is visible, date ranges, and the listing projection.</summary>
internal static class ItemQueries
{
    /// <summary>Items a view may show: on disk, not trashed, and dated (analysed) — undated ones appear once analysed.</summary>
    public static IQueryable<MediaItem> Visible(FolderPrismDbContext db) =>
        db.MediaItems.AsNoTracking().Where(i => i.State == ItemState.Present && i.TrashedAt == null && i.TakenLocal != null);

    public static IQueryable<MediaItem> InRange(this IQueryable<MediaItem> items, DateTime? from, DateTime? to)
    {
        if (from is { } f)
        {
            items = items.Where(i => i.TakenLocal >= f);
        }

        if (to is { } t)
        {
            items = items.Where(i => i.TakenLocal < t);
        }

        return items;
    }

    public static IQueryable<ViewEntry> ToEntries(this IQueryable<MediaItem> items) =>
        items.OrderBy(i => i.TakenLocal).ThenBy(i => i.Id).ToUnorderedEntries();

    /// <summary>Without ORDER BY, so SQLite may pick the index of the lookup (hash, id) instead of walking the date
    /// index to avoid a sort; for lookups of a few rows that the caller orders in memory.</summary>
    public static IQueryable<ViewEntry> ToUnorderedEntries(this IQueryable<MediaItem> items) =>
        items.Select(i => new ViewEntry(i.Id, i.RelativePath, i.Size, i.TakenLocal!.Value, i.TakenOffsetMinutes, i.ContentHash, i.FirstSeenAt));

    /// <summary>
    /// The visible items among <paramref name="ids"/>, in the order of <paramref name="ids"/> (the caller's SQL order).
    /// The ids go in as one JSON parameter (json_each), so SQLite seeks the primary key once per id and no SQL with a
    /// parameter per id is built. Visibility is re-checked here: an item trashed since the ids were read is left out.
    /// </summary>
    public static async Task<List<ViewEntry>> VisibleByIdsAsync(FolderPrismDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // Stored as EF Core's SQLite Guid text: upper-case "D" format.
        var json = "[" + string.Join(',', ids.Select(id => "\"" + id.ToString("D").ToUpperInvariant() + "\"")) + "]";
        var rows = db.MediaItems
            .FromSqlRaw("SELECT * FROM \"MediaItems\" WHERE \"Id\" IN (SELECT \"value\" FROM json_each({0}))", json)
            .AsNoTracking()
            .Select(i => new { i.Id, i.RelativePath, i.Size, i.TakenLocal, i.TakenOffsetMinutes, i.ContentHash, i.FirstSeenAt, i.State, i.TrashedAt });
        var byId = (await EntryReader.ReadAsync(db, rows, cancellationToken)).ToDictionary(e => e.Id);
        var entries = new List<ViewEntry>(byId.Count);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var entry))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    // Years, months and days are found by skipping: the first visible date from a point on (index order, early exit),
    // then the next one from the start of the following period. A handful of index seeks instead of a DISTINCT over
    // every matching row; at worst (a sparse filter) one pass over the index in total. The caller builds each query
    // from its starting point with that bound as the query's FIRST date term: SQLite seeks the date index with only one
    // lower bound, the first it meets, so a point added after a view's own range would scan from the range's start.
    public static Task<List<int>> YearsAsync(Func<DateTime?, IQueryable<MediaItem>> itemsFrom, CancellationToken cancellationToken) =>
        DistinctAsync(itemsFrom, d => d.Year, d => d.Year < 9999 ? new DateTime(d.Year + 1, 1, 1) : null, cancellationToken);

    public static Task<List<int>> MonthsAsync(Func<DateTime?, IQueryable<MediaItem>> itemsFrom, CancellationToken cancellationToken) =>
        DistinctAsync(itemsFrom, d => d.Month, d => d.Year < 9999 || d.Month < 12 ? new DateTime(d.Year, d.Month, 1).AddMonths(1) : null, cancellationToken);

    public static Task<List<int>> DaysAsync(Func<DateTime?, IQueryable<MediaItem>> itemsFrom, CancellationToken cancellationToken) =>
        DistinctAsync(itemsFrom, d => d.Day, d => d.Date < DateTime.MaxValue.Date ? d.Date.AddDays(1) : null, cancellationToken);

    private static async Task<List<int>> DistinctAsync(
        Func<DateTime?, IQueryable<MediaItem>> itemsFrom, Func<DateTime, int> part, Func<DateTime, DateTime?> next,
        CancellationToken cancellationToken)
    {
        var found = new List<int>();
        var first = await itemsFrom(null).OrderBy(i => i.TakenLocal).Select(i => i.TakenLocal).FirstOrDefaultAsync(cancellationToken);
        if (first is not { } date)
        {
            return found;
        }

        await using var skip = SkipQuery.Create(itemsFrom);
        while (true)
        {
            if (found.Count == 0 || found[^1] != part(date))
            {
                found.Add(part(date));
            }

            if (next(date) is not { } from)
            {
                return found;
            }

            var nextDate = skip is null
                ? await itemsFrom(from).OrderBy(i => i.TakenLocal).Select(i => i.TakenLocal).FirstOrDefaultAsync(cancellationToken)
                : await skip.FirstFromAsync(from, cancellationToken);
            if (nextDate is not { } following)
            {
                return found;
            }

            date = following;
        }
    }
}
