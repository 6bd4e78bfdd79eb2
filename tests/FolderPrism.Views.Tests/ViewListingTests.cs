using System.Net;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;

namespace FolderPrism.Views.Tests;

/// <summary>Each read-only view over a seeded index, through real HTTP against the real daemon.</summary>
public sealed class ViewListingTests
{
    private static readonly DateTime June21 = new(2019, 6, 21, 12, 0, 0);

    [Fact]
    public async Task Timeline_lists_years_months_and_dated_names_and_serves_the_original_with_its_hash_etag()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("2019/06/IMG_1005.JPG", June21, i => i.TakenOffsetMinutes = 120);
        await host.AddAsync("2020/01/IMG_2000.JPG", new DateTime(2020, 1, 2, 3, 4, 5));
        await host.AddAsync("2019/07/gone.jpg", June21.AddMonths(1), i => i.State = ItemState.Missing);
        await host.AddAsync("2019/07/trashed.jpg", June21.AddMonths(1), i => i.TrashedAt = DateTimeOffset.UtcNow);

        (await host.ListAsync("/Timeline/")).ShouldBe(["2019/", "2020/"]);
        (await host.ListAsync("/Timeline/2019/")).ShouldBe(["2019-06/"]);
        (await host.ListAsync("/Timeline/2019/2019-06/")).ShouldBe(["2019-06-21 12.00.00 IMG_1005.JPG"]);

        var doc = await host.PropFindAsync("/Timeline/2019/2019-06/2019-06-21 12.00.00 IMG_1005.JPG", "0");
        doc.Descendants(ViewsHost.Dav + "getlastmodified").Single().Value.ShouldBe("Fri, 21 Jun 2019 10:00:00 GMT");
        doc.Descendants(ViewsHost.Dav + "getetag").Single().Value.ShouldBe($"\"{item.ContentHash}\"");

        using var get = await host.SendAsync("GET", "/Timeline/2019/2019-06/2019-06-21 12.00.00 IMG_1005.JPG");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await get.Content.ReadAsByteArrayAsync();
        bytes.ShouldBe(await File.ReadAllBytesAsync(Path.Combine(host.Originals, "2019/06/IMG_1005.JPG")));
        get.Headers.ETag!.Tag.ShouldBe($"\"{item.ContentHash}\"");

        using var original = await host.SendAsync("HEAD", "/Originals/2019/06/IMG_1005.JPG");
        original.Headers.ETag!.Tag.ShouldBe($"\"{item.ContentHash}\"");

        using var range = await host.SendAsync("GET", "/Timeline/2019/2019-06/2019-06-21 12.00.00 IMG_1005.JPG", ("Range", "bytes=2-5"));
        range.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await range.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[2..6]);

        (await host.SendAsync("GET", "/Timeline/2019/2019-06/2019-06-21 12.00.00 other.JPG")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.SendAsync("PROPFIND", "/Timeline/2019/2019-07/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Originals_etag_falls_back_to_stat_when_the_file_changed_after_indexing()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("a/x.jpg", June21);
        var y = await host.AddAsync("a/y.jpg", June21);
        var root = await host.AddAsync("root.jpg", June21);
        var deep = await host.AddAsync("a/b/deep.jpg", June21);
        var sibling = await host.AddAsync("ab/x.jpg", June21);
        await File.WriteAllTextAsync(Path.Combine(host.Originals, "a/z-unindexed.jpg"), "new");
        var doc = await host.PropFindAsync("/Originals/a/", "1");
        var etags = doc.Descendants(ViewsHost.Dav + "response").ToDictionary(
            r => Uri.UnescapeDataString(r.Element(ViewsHost.Dav + "href")!.Value),
            r => r.Descendants(ViewsHost.Dav + "getetag").SingleOrDefault()?.Value);
        etags["/Originals/a/x.jpg"].ShouldBe($"\"{item.ContentHash}\"");
        etags["/Originals/a/z-unindexed.jpg"].ShouldNotBeNull().ShouldNotContain(item.ContentHash!);
        etags.Keys.ShouldNotContain("/Originals/a/b/deep.jpg");

        // The folder's rows are cached per folder: the library's root, a subfolder and a sibling whose name starts
        // like the folder each get their own.
        foreach (var (path, indexed) in new[] { ("root.jpg", root), ("a/b/deep.jpg", deep), ("ab/x.jpg", sibling), ("a/y.jpg", y) })
        {
            using var response = await host.SendAsync("HEAD", "/Originals/" + path);
            response.Headers.ETag!.Tag.ShouldBe($"\"{indexed.ContentHash}\"", path);
        }

        await Task.Delay(3100);
        await File.AppendAllTextAsync(Path.Combine(host.Originals, "a/x.jpg"), "edited");
        using var head = await host.SendAsync("HEAD", "/Originals/a/x.jpg");
        head.Headers.ETag!.Tag.ShouldNotBe($"\"{item.ContentHash}\"");
    }

    [Fact]
    public async Task Tags_people_albums_cameras_favorites_videos_and_review_list_their_items()
    {
        await using var host = await ViewsHost.StartAsync();
        var paris = await host.AddAsync("p/paris.jpg", June21, i => { i.Make = "Canon"; i.Model = "Canon EOS 5D"; i.Rating = 5; });
        var beach = await host.AddAsync("p/beach.jpg", June21.AddHours(1), i => { i.Make = "NIKON"; i.Model = "D750"; i.Rating = 3; });
        var clip = await host.AddAsync("v/clip.mp4", new DateTime(2018, 5, 1, 8, 0, 0), i => i.TakenSource = DateSource.FileTime);
        var broken = await host.AddAsync("p/broken.jpg", June21.AddDays(1), i => i.IsDamaged = true);
        await host.TagAsync(paris, "Places", "France", "Paris");
        await host.TagAsync(beach, "beach");
        await host.TagAsync(paris, "Places");
        await host.PersonAsync(paris, "Alice");
        await host.PersonAsync(beach, "Bob");
        await host.AlbumAsync(beach, "Holidays 2019");

        (await host.ListAsync("/")).ShouldBe(
            ["Albums/", "Cameras/", "Duplicates/", "Favorites/", "Import/", "Labels/", "Originals/", "People/", "Review/", "Search/", "Tags/", "Timeline/", "Trash/", "Videos/"],
            ignoreOrder: true);
        (await host.ListAsync("/Tags/")).ShouldBe(["beach/", "Places/"]);
        (await host.ListAsync("/Tags/Places/")).ShouldBe(["France/", "2019-06-21 12.00.00 paris.jpg"]);
        (await host.ListAsync("/Tags/Places/France/Paris/")).ShouldBe(["2019-06-21 12.00.00 paris.jpg"]);
        (await host.ListAsync("/Tags/beach/")).ShouldBe(["2019-06-21 13.00.00 beach.jpg"]);
        (await host.ListAsync("/People/")).ShouldBe(["Alice/", "Bob/"]);
        (await host.ListAsync("/People/Alice/")).ShouldBe(["2019-06-21 12.00.00 paris.jpg"]);
        (await host.ListAsync("/Albums/Holidays 2019/")).ShouldBe(["2019-06-21 13.00.00 beach.jpg"]);
        (await host.ListAsync("/Cameras/")).ShouldBe(["Canon EOS 5D/", "NIKON D750/"]);
        (await host.ListAsync("/Cameras/NIKON D750/")).ShouldBe(["2019-06-21 13.00.00 beach.jpg"]);
        (await host.ListAsync("/Favorites/")).ShouldBe(["2019-06-21 12.00.00 paris.jpg"]);
        (await host.ListAsync("/Videos/")).ShouldBe(["2018/"]);
        (await host.ListAsync("/Videos/2018/")).ShouldBe(["2018-05-01 08.00.00 clip.mp4"]);
        (await host.ListAsync("/Review/")).ShouldBe(["Damaged/", "Dates from file time/"]);
        (await host.ListAsync("/Review/Dates from file time/")).ShouldBe(["2018-05-01 08.00.00 clip.mp4"]);
        (await host.ListAsync("/Review/Damaged/")).ShouldBe(["2019-06-22 12.00.00 broken.jpg"]);

        using var get = await host.SendAsync("GET", "/People/Bob/2019-06-21 13.00.00 beach.jpg");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        get.Headers.ETag!.Tag.ShouldBe($"\"{beach.ContentHash}\"");
        _ = clip;
        _ = broken;
    }

    [Fact]
    public async Task Empty_views_are_browsable()
    {
        await using var host = await ViewsHost.StartAsync();
        foreach (var view in new[] { "/Timeline/", "/Tags/", "/People/", "/Albums/", "/Cameras/", "/Videos/", "/Favorites/", "/Duplicates/", "/Trash/", "/Search/", "/Search/anything/" })
        {
            (await host.ListAsync(view)).ShouldBeEmpty(view);
        }

        (await host.SendAsync("PROPFIND", "/Tags/nope/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
