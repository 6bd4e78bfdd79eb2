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
        items.OrderBy(i => i.TakenLocal).ThenBy(i => i.Id)
            .Select(i => new ViewEntry(i.Id, i.RelativePath, i.Size, i.TakenLocal!.Value, i.TakenOffsetMinutes, i.ContentHash, i.FirstSeenAt));

    public static async Task<List<int>> YearsAsync(IQueryable<MediaItem> items, CancellationToken cancellationToken) =>
        await items.Select(i => i.TakenLocal!.Value.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);

    public static async Task<List<int>> MonthsAsync(IQueryable<MediaItem> items, CancellationToken cancellationToken) =>
        await items.Select(i => i.TakenLocal!.Value.Month).Distinct().OrderBy(m => m).ToListAsync(cancellationToken);

    public static async Task<List<int>> DaysAsync(IQueryable<MediaItem> items, CancellationToken cancellationToken) =>
        await items.Select(i => i.TakenLocal!.Value.Day).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);
}
