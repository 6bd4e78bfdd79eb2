using System.Net;
using System.Text;
using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Tests;

/// <summary>
/// <c>DuplicateHashes</c> (hashes shared by 2+ index rows, kept by triggers) stays exactly the GROUP BY it replaces
/// through every kind of write: inserts, trash, restore, purge, a re-analysis that changes a hash, bulk updates and
/// deletes (import's take-over removes a row with ExecuteDelete-like SQL) — and the Duplicates view follows it.
/// </summary>
public sealed class DuplicateHashTableTests
{
    private static readonly DateTime Taken = new(2019, 6, 21, 12, 0, 0);

    private static (string, string) Destination(ViewsHost host, string path) =>
        ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href(path)).ToString());

    private static async Task<List<string>> TableAsync(ViewsHost host)
    {
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        return await db.Set<DuplicateHash>().Select(h => h.ContentHash).OrderBy(h => h).ToListAsync(ViewsHost.Timeout);
    }

    /// <summary>The table equals the full grouping of the index (what the view computed per request before).</summary>
    private static async Task<List<string>> ShouldMatchIndexAsync(ViewsHost host)
    {
        List<string> truth;
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            truth = await db.MediaItems.Where(i => i.ContentHash != null).GroupBy(i => i.ContentHash)
                .Where(g => g.Count() > 1).Select(g => g.Key!).OrderBy(h => h).ToListAsync(ViewsHost.Timeout);
        }

        var table = await TableAsync(host);
        table.ShouldBe(truth);
        return table;
    }

    [Fact]
    public async Task Table_follows_inserts_trash_restore_purge_hash_changes_and_bulk_writes()
    {
        await using var host = await ViewsHost.StartAsync();
        var same = Encoding.UTF8.GetBytes("one photo's bytes");
        var a = await host.AddAsync("a/IMG_1.JPG", Taken, bytes: same);
        (await ShouldMatchIndexAsync(host)).ShouldBeEmpty();
        var b = await host.AddAsync("b/IMG_1.JPG", Taken, i => i.FirstSeenAt = DateTimeOffset.UtcNow.AddMinutes(1), bytes: same);
        (await ShouldMatchIndexAsync(host)).ShouldBe([a.ContentHash!]);
        (await host.ListAsync("/Duplicates/")).ShouldBe(["2019-06-21 12.00.00 IMG_1 JPG/"]);
        (await host.ListAsync("/Duplicates/2019-06-21 12.00.00 IMG_1 JPG/")).Count.ShouldBe(2);

        // Trash: the row stays (restorable), so the hash stays; the view only shows visible members (no group of one).
        (await host.SendAsync("DELETE", "/Originals/b/IMG_1.JPG")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ShouldMatchIndexAsync(host)).ShouldBe([a.ContentHash!]);
        (await host.ListAsync("/Duplicates/")).ShouldBeEmpty();
        (await host.SendAsync("PROPFIND", "/Duplicates/2019-06-21 12.00.00 IMG_1 JPG/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Restore: the group is back.
        (await host.SendAsync("MOVE", "/Trash/2019-06-21 12.00.00 IMG_1.JPG", Destination(host, "/Originals/b/IMG_1.JPG")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/Duplicates/2019-06-21 12.00.00 IMG_1 JPG/")).Count.ShouldBe(2);

        // Trash and purge: the row goes, and the hash with it.
        (await host.SendAsync("DELETE", "/Originals/b/IMG_1.JPG")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.SendAsync("DELETE", "/Trash/")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ShouldMatchIndexAsync(host)).ShouldBeEmpty();

        // A re-analysis that finds other bytes (the indexer updates the row): the hash moves to the new pair.
        var c = await host.AddAsync("c/IMG_3.JPG", Taken.AddHours(1));
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            var row = await db.MediaItems.SingleAsync(i => i.Id == a.Id, ViewsHost.Timeout);
            row.ContentHash = c.ContentHash;
            await db.SaveChangesAsync(ViewsHost.Timeout);
        }

        (await ShouldMatchIndexAsync(host)).ShouldBe([c.ContentHash!]);

        // Set-based writes (ExecuteUpdate / ExecuteDelete, as the indexer and import use) keep it too.
        var d = await host.AddAsync("d/IMG_4.JPG", Taken.AddHours(2));
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            await db.MediaItems.Where(i => i.Id == d.Id || i.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ContentHash, "feedfeedfeedfeedfeedfeedfeedfeed"), ViewsHost.Timeout);
        }

        (await ShouldMatchIndexAsync(host)).ShouldBe(["feedfeedfeedfeedfeedfeedfeedfeed"]); // a alone keeps c's old hash now
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            await db.MediaItems.Where(i => i.Id == d.Id).ExecuteDeleteAsync(ViewsHost.Timeout);
        }

        (await ShouldMatchIndexAsync(host)).ShouldBeEmpty();
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            await db.MediaItems.Where(i => i.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ContentHash, (string?)null), ViewsHost.Timeout);
        }

        (await ShouldMatchIndexAsync(host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_group_resolves_from_its_capture_second_with_the_same_name_as_in_the_listing()
    {
        // Two groups whose kept photos share a capture second and a file name: the second one's folder gets the ~id
        // suffix in the full listing, and resolving either by name (the seek path) must agree.
        await using var host = await ViewsHost.StartAsync();
        var first = Encoding.UTF8.GetBytes("first");
        var second = Encoding.UTF8.GetBytes("second");
        var early = DateTimeOffset.UtcNow.AddHours(-1);
        var k1 = await host.AddAsync("x/IMG_1.JPG", Taken, i => i.FirstSeenAt = early, bytes: first);
        await host.AddAsync("x2/IMG_1.JPG", Taken, i => i.FirstSeenAt = early.AddMinutes(1), bytes: first);
        var k2 = await host.AddAsync("y/IMG_1.JPG", Taken, i => i.FirstSeenAt = early.AddMinutes(2), bytes: second);
        await host.AddAsync("y2/IMG_1.JPG", Taken, i => i.FirstSeenAt = early.AddMinutes(3), bytes: second);
        await host.AddAsync("z/IMG_9.JPG", Taken.AddSeconds(1), bytes: first); // same hash, next second: member of group 1

        var listed = await host.ListAsync("/Duplicates/");
        listed.ShouldBe(["2019-06-21 12.00.00 IMG_1 JPG/", $"2019-06-21 12.00.00 IMG_1 ~{k2.Id.ToString("N")[..8]} JPG/"]);
        (await host.ListAsync("/Duplicates/" + listed[0])).Count.ShouldBe(3);
        (await host.ListAsync("/Duplicates/" + listed[1])).Count.ShouldBe(2);
        (await host.SendAsync("PROPFIND", "/Duplicates/2019-06-21 12.00.01 IMG_9 JPG/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var get = await host.Http.GetAsync(ViewsHost.Href("/Duplicates/" + listed[0] + "2019-06-21 12.00.01 IMG_9.JPG"), ViewsHost.Timeout);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await get.Content.ReadAsByteArrayAsync(ViewsHost.Timeout)).ShouldBe(first);
        k1.Id.ShouldNotBe(k2.Id);
    }
}
