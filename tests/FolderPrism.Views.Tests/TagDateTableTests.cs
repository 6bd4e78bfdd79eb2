using System.Net;
using FolderPrism.Core.Library;
using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Tests;

/// <summary>
/// <c>TagDates</c> (one row per tag link of a visible item, with its capture time; kept by triggers) stays exactly the
/// join it stands for through every kind of write: tagging, untagging, trash, restore, purge, re-dating, a file going
/// missing, set-based updates and deletes, a tag deleted with its links — and tag searches follow it.
/// </summary>
public sealed class TagDateTableTests
{
    private static (string, string) Destination(ViewsHost host, string path) =>
        ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href(path)).ToString());

    /// <summary>The table equals ItemTags joined to the visible items, capture time included.</summary>
    private static async Task<List<string>> ShouldMatchIndexAsync(ViewsHost host)
    {
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        var truth = (await db.ItemTags.Join(
                    db.MediaItems.Where(i => i.State == ItemState.Present && i.TrashedAt == null && i.TakenLocal != null),
                    t => t.ItemId, i => i.Id, (t, i) => new { t.TagId, i.TakenLocal, i.Id })
                .ToListAsync(ViewsHost.Timeout))
            .Select(r => $"{r.TagId} {r.TakenLocal:O} {r.Id}").Order(StringComparer.Ordinal).ToList();
        var table = (await db.Set<TagDate>().ToListAsync(ViewsHost.Timeout))
            .Select(r => $"{r.TagId} {r.TakenLocal:O} {r.ItemId}").Order(StringComparer.Ordinal).ToList();
        table.ShouldBe(truth);
        return table;
    }

    [Fact]
    public async Task Table_follows_tagging_trash_restore_purge_redating_and_set_based_writes()
    {
        await using var host = await ViewsHost.StartAsync();
        var a = await host.AddAsync("a/IMG_1.JPG", new DateTime(2019, 6, 1, 9, 0, 0));
        var b = await host.AddAsync("b/IMG_2.JPG", new DateTime(2019, 7, 1, 9, 0, 0));
        var undated = await host.AddAsync("c/IMG_3.JPG", null);
        var beach = await host.TagAsync(a, "Beach");
        await host.TagAsync(b, "Beach");
        await host.TagAsync(b, "Trips", "Spain");
        await host.TagAsync(undated, "Beach");
        (await ShouldMatchIndexAsync(host)).Count.ShouldBe(3); // the undated photo is not visible
        (await host.ListAsync("/Search/tag:beach year:2019/")).ShouldBe(["2019-06-01 09.00.00 IMG_1.JPG", "2019-07-01 09.00.00 IMG_2.JPG"]);
        (await host.ListAsync("/Search/tag:trips/")).ShouldBe(["2019-07-01 09.00.00 IMG_2.JPG"]);

        // Trash, restore, trash again and purge.
        (await host.SendAsync("DELETE", "/Originals/a/IMG_1.JPG")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ShouldMatchIndexAsync(host)).Count.ShouldBe(2);
        (await host.ListAsync("/Search/tag:beach month:2019-06/")).ShouldBeEmpty();
        (await host.SendAsync("MOVE", "/Trash/2019-06-01 09.00.00 IMG_1.JPG", Destination(host, "/Originals/a/IMG_1.JPG")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ShouldMatchIndexAsync(host)).Count.ShouldBe(3);
        (await host.ListAsync("/Search/tag:beach month:2019-06/")).ShouldBe(["2019-06-01 09.00.00 IMG_1.JPG"]);

        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            // Re-dated by analysis (tracked entity), dated at last, gone missing, back (set-based updates).
            var tracked = await db.MediaItems.SingleAsync(i => i.Id == a.Id, ViewsHost.Timeout);
            tracked.TakenLocal = new DateTime(2018, 1, 2, 3, 4, 5);
            await db.SaveChangesAsync(ViewsHost.Timeout);
            await db.MediaItems.Where(i => i.Id == undated.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.TakenLocal, new DateTime(2019, 6, 2, 0, 0, 0)), ViewsHost.Timeout);
            (await ShouldMatchIndexAsync(host)).Count.ShouldBe(4);
            await db.MediaItems.Where(i => i.Id == b.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ItemState.Missing), ViewsHost.Timeout);
            (await ShouldMatchIndexAsync(host)).Count.ShouldBe(2);
            await db.MediaItems.Where(i => i.Id == b.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ItemState.Present), ViewsHost.Timeout);
            (await ShouldMatchIndexAsync(host)).Count.ShouldBe(4);

            // Untag (tracked remove and set-based delete), a tag deleted with its links, an item row deleted.
            db.ItemTags.Remove(await db.ItemTags.SingleAsync(t => t.ItemId == undated.Id, ViewsHost.Timeout));
            await db.SaveChangesAsync(ViewsHost.Timeout);
            (await ShouldMatchIndexAsync(host)).Count.ShouldBe(3);
            await db.Tags.Where(t => t.FullPath == "Trips|Spain").ExecuteDeleteAsync(ViewsHost.Timeout);
            (await ShouldMatchIndexAsync(host)).Count.ShouldBe(2);
            await db.MediaItems.Where(i => i.Id == b.Id).ExecuteDeleteAsync(ViewsHost.Timeout);
            (await ShouldMatchIndexAsync(host)).ShouldBe([$"{beach.Id} {new DateTime(2018, 1, 2, 3, 4, 5):O} {a.Id}"]);
        }

        (await host.ListAsync("/Search/tag:beach year:2018/")).ShouldBe(["2018-01-02 03.04.05 IMG_1.JPG"]);
        (await host.ListAsync("/Search/tag:beach year:2019/")).ShouldBeEmpty();
    }
}
