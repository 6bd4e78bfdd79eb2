using System.Globalization;
using FolderPrism.Views.Items;
using FolderPrism.Views.Trash;
using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Mounts;

/// <summary><c>/Timeline/2019/2019-06/…</c>: every visible item by local capture month (or <c>/Videos/2019/…</c> for videos).</summary>
internal sealed class TimelineMount(
    ViewServices services, ShardedSet set, string name, ItemFilter filter, bool monthLevel, TrashStore? trash = null)
    : ViewMount(services, set, name), IDavVirtualWrites
{
    public Task CreateCollectionAsync(DavPath path, CancellationToken cancellationToken) => throw Forbidden();

    /// <summary>DELETE of a photo moves the original to the trash (when this view allows it).</summary>
    public Task DeleteAsync(IDavItem item, CancellationToken cancellationToken) =>
        trash is not null && item is ViewFile file ? trash.TrashAsync(file.Entry.Id, cancellationToken) : throw Forbidden();

    /// <summary>MOVE of a trashed photo from /Trash into this view restores it to its original place.</summary>
    public async Task<bool> ReceiveAsync(IDavItem source, DavPath destination, bool move, CancellationToken cancellationToken)
    {
        if (trash is null || !move || source is not ViewFile file || source.Path.Segments[0] != Services.Options.Trash)
        {
            throw Forbidden();
        }

        await trash.RestoreAsync(file.Entry.Id, destination: null, cancellationToken);
        return true;
    }

    public Task<bool> PutAsync(DavPath path, Stream body, CancellationToken cancellationToken) => Task.FromResult(false);

    private static DavException Forbidden() => new(StatusCodes.Status403Forbidden);

    protected override async Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken)
    {
        if (rest.Count == 0)
        {
            return CachedFolder(RootPath, YearsAsync);
        }

        if (rest[0].Length != 4 || !int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return null;
        }

        // Below a month the month's own check settles the year too (one query fewer on every month and photo path).
        var yearPath = RootPath.Child(rest[0]);
        if (!monthLevel || rest.Count == 1)
        {
            if (!await HasAnyAsync(Shard.Year(year), cancellationToken))
            {
                return null;
            }

            return monthLevel
                ? CachedFolder(yearPath, ct => MonthsAsync(yearPath, year, ct))
                : await Set.ResolveAsync(yearPath, filter, Shard.Year(year), rest.Skip(1).ToArray(), cancellationToken);
        }

        if (!DateTime.TryParseExact(rest[1], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            || month.Year != year)
        {
            return null;
        }

        // The month itself exists while it lists something (its listing, read now, is what a PROPFIND lists next).
        // Below it, whatever resolves (a photo of the month's range, a day folder of a month over the limit) proves
        // the month has photos, so no separate check runs there either.
        var monthPath = yearPath.Child(rest[1]);
        var monthShard = Shard.Month(year, month.Month);
        return rest.Count == 2
            ? await Set.ListedFolderAsync(monthPath, filter, monthShard, cancellationToken)
            : await Set.ResolveAsync(monthPath, filter, monthShard, rest.Skip(2).ToArray(), cancellationToken);
    }

    private async Task<bool> HasAnyAsync(Shard shard, CancellationToken cancellationToken)
    {
        await using var db = await Services.Contexts.CreateDbContextAsync(cancellationToken);
        return await filter(db, ItemQueries.Visible(db)).InRange(shard.From, shard.To).AnyAsync(cancellationToken);
    }

    private async Task<IEnumerable<IDavItem>> YearsAsync(CancellationToken cancellationToken)
    {
        await using var db = await Services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken); // one connection set-up (pragmas) for every query below
        var years = await ItemQueries.YearsAsync(from => filter(db, ItemQueries.Visible(db).InRange(from, null)), cancellationToken);
        return years.Select(y =>
        {
            var path = RootPath.Child(y.ToString("D4", CultureInfo.InvariantCulture));
            return monthLevel
                ? (IDavItem)CachedFolder(path, ct => MonthsAsync(path, y, ct))
                : Set.Folder(path, filter, Shard.Year(y));
        }).ToList();
    }

    private async Task<IEnumerable<IDavItem>> MonthsAsync(DavPath yearPath, int year, CancellationToken cancellationToken)
    {
        await using var db = await Services.Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken); // one connection set-up (pragmas) for every query below
        var shard = Shard.Year(year);
        var months = await ItemQueries.MonthsAsync(
            from => filter(db, ItemQueries.Visible(db).InRange(from, null)).InRange(shard.From, shard.To), cancellationToken);
        return months.Select(m => (IDavItem)Set.Folder(yearPath.Child(ShardedSet.MonthName(year, m)), filter, Shard.Month(year, m))).ToList();
    }
}
