using System.Net;
using System.Text;
using FolderPrism.Core.Media;

namespace FolderPrism.Views.Tests;

/// <summary>Windows-valid, unique, stable names and the split of large folders, through the real daemon.</summary>
public sealed class NamingAndShardingTests
{
    private static readonly DateTime Noon = new(2021, 3, 4, 12, 0, 0);

    [Fact]
    public async Task Names_are_windows_valid_unique_stable_and_short_enough()
    {
        await using var host = await ViewsHost.StartAsync();
        var first = await host.AddAsync("a/what?.jpg", Noon);
        await host.AddAsync("b/what?.jpg", Noon, i => i.FirstSeenAt = DateTimeOffset.UtcNow.AddMinutes(1));
        var longName = new string('é', 120) + ".jpg";
        await host.AddAsync("c/" + longName, Noon.AddSeconds(1));
        await host.AddAsync("c/trailing.", Noon.AddSeconds(2));
        var unicode = await host.AddAsync("c/Ünïcödé 写真.jpg", Noon.AddSeconds(3));
        await host.TagAsync(first, "a:b?");
        await host.TagAsync(first, "CON");
        await host.TagAsync(first, "dots...");
        await host.PersonAsync(unicode, "Zoë <Z>");

        var names = await host.ListAsync("/Timeline/2021/2021-03/");
        names.Count.ShouldBe(5);
        var plain = "2021-03-04 12.00.00 what_.jpg";
        names.ShouldContain(plain);
        var suffixed = names.Single(n => n.StartsWith("2021-03-04 12.00.00 what_ ~", StringComparison.Ordinal));
        suffixed.ShouldEndWith(".jpg");
        using (var firstSeen = await host.SendAsync("HEAD", "/Timeline/2021/2021-03/" + plain))
        {
            firstSeen.Headers.ETag!.Tag.ShouldBe($"\"{first.ContentHash}\"");
        }
        names.ShouldContain("2021-03-04 12.00.02 trailing_");
        names.ShouldContain("2021-03-04 12.00.03 Ünïcödé 写真.jpg");
        foreach (var name in names)
        {
            Encoding.UTF8.GetByteCount(name).ShouldBeLessThanOrEqualTo(255, name);
            name.IndexOfAny(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ShouldBe(-1, name);
            name.ShouldNotEndWith(".");
            name.ShouldNotEndWith(" ");
        }

        var truncated = names.Single(n => n.Count(c => c == 'é') > 50);
        truncated.ShouldEndWith(".jpg");

        // Stable: a later, third clash does not rename the first two, and every name resolves to its file.
        await host.AddAsync("d/what?.jpg", Noon, i => i.FirstSeenAt = DateTimeOffset.UtcNow.AddMinutes(2));
        var again = await host.ListAsync("/Timeline/2021/2021-03/");
        again.Count.ShouldBe(6);
        again.ShouldContain(plain);
        again.ShouldContain(suffixed);
        foreach (var name in again)
        {
            using var head = await host.SendAsync("HEAD", "/Timeline/2021/2021-03/" + name);
            head.StatusCode.ShouldBe(HttpStatusCode.OK, name);
        }

        (await host.ListAsync("/Tags/")).ShouldBe(["a_b_/", "dots___/", "_CON/"]);
        (await host.ListAsync("/Tags/a_b_/")).ShouldBe(["2021-03-04 12.00.00 what_.jpg"]);
        (await host.ListAsync("/People/")).ShouldBe(["Zoë _Z_/"]);
        (await host.ListAsync("/People/Zoë _Z_/")).ShouldBe(["2021-03-04 12.00.03 Ünïcödé 写真.jpg"]);

        // macOS sends NFD: the server normalises the request path.
        using var nfd = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head,
            "/People/Zo%C3%AB%20_Z_/2021-03-04%2012.00.03%20U%CC%88ni%CC%88co%CC%88de%CC%81%20%E5%86%99%E7%9C%9F.jpg"), ViewsHost.Timeout);
        nfd.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Folders_over_the_limit_split_by_year_month_day_then_parts()
    {
        await using var host = await ViewsHost.StartAsync(maxFolderEntries: 3);
        for (var i = 0; i < 4; i++)
        {
            var item = await host.AddAsync($"t/{i}.jpg", new DateTime(2019, 6, 21, 10, 0, i));
            await host.TagAsync(item, "big");
        }

        for (var i = 0; i < 2; i++)
        {
            var item = await host.AddAsync($"u/{i}.jpg", new DateTime(2020, 2, 1 + i, 9, 0, 0));
            await host.TagAsync(item, "big");
        }

        var small = await host.AddAsync("s/one.jpg", new DateTime(2020, 2, 1, 9, 0, 0));
        await host.TagAsync(small, "small");

        (await host.ListAsync("/Tags/small/")).ShouldBe(["2020-02-01 09.00.00 one.jpg"]);
        (await host.ListAsync("/Tags/big/")).ShouldBe(["2019/", "2020/"]);
        (await host.ListAsync("/Tags/big/2020/")).ShouldBe(["2020-02-01 09.00.00 0.jpg", "2020-02-02 09.00.00 1.jpg"]);
        (await host.ListAsync("/Tags/big/2019/")).ShouldBe(["2019-06/"]);
        (await host.ListAsync("/Tags/big/2019/2019-06/")).ShouldBe(["2019-06-21/"]);
        (await host.ListAsync("/Tags/big/2019/2019-06/2019-06-21/")).ShouldBe(["Part 001/", "Part 002/"]);
        var parts = (await host.ListAsync("/Tags/big/2019/2019-06/2019-06-21/Part 001/"))
            .Concat(await host.ListAsync("/Tags/big/2019/2019-06/2019-06-21/Part 002/")).ToList();
        parts.ShouldBe(["2019-06-21 10.00.00 0.jpg", "2019-06-21 10.00.01 1.jpg", "2019-06-21 10.00.02 2.jpg", "2019-06-21 10.00.03 3.jpg"]);

        using var get = await host.SendAsync("GET", "/Tags/big/2019/2019-06/2019-06-21/Part 002/2019-06-21 10.00.03 3.jpg");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.SendAsync("PROPFIND", "/Tags/small/2020/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.SendAsync("PROPFIND", "/Tags/big/2018/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.SendAsync("PROPFIND", "/Tags/big/2019/2019-06/2019-06-21/Part 003/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Timeline months split by day.
        (await host.ListAsync("/Timeline/2019/2019-06/")).ShouldBe(["2019-06-21/"]);
    }

    [Fact]
    public async Task Search_words_and_each_filter_combine()
    {
        await using var host = await ViewsHost.StartAsync();
        var alice = await host.AddAsync("2019/beach-day.jpg", new DateTime(2019, 6, 1, 10, 0, 0), i => { i.Make = "Canon"; i.Model = "Canon EOS R"; });
        var bob = await host.AddAsync("2019/city.jpg", new DateTime(2019, 7, 1, 10, 0, 0), i => { i.Make = "NIKON"; i.Model = "D750"; i.Description = "Sunset over the river"; });
        await host.AddAsync("2020/clip.mp4", new DateTime(2020, 6, 1, 10, 0, 0), i => i.Kind = MediaKind.Video);
        await host.TagAsync(alice, "Places", "Beach");
        await host.PersonAsync(alice, "Alice Smith");
        await host.PersonAsync(bob, "Bob");
        await host.AlbumAsync(bob, "Trips");

        async Task<List<string>> Search(string query) => await host.ListAsync("/Search/" + query + "/");

        (await Search("beach")).ShouldBe(["2019-06-01 10.00.00 beach-day.jpg"]);
        (await Search("SUNSET")).ShouldBe(["2019-07-01 10.00.00 city.jpg"]);
        (await Search("trips")).ShouldBe(["2019-07-01 10.00.00 city.jpg"]);
        (await Search("year:2019")).Count.ShouldBe(2);
        (await Search("month:2019-07")).ShouldBe(["2019-07-01 10.00.00 city.jpg"]);
        (await Search("month:6")).Count.ShouldBe(2);
        (await Search("person:alice")).ShouldBe(["2019-06-01 10.00.00 beach-day.jpg"]);
        (await Search("tag:places")).ShouldBe(["2019-06-01 10.00.00 beach-day.jpg"]);
        (await Search("tag:Places|Beach")).ShouldBe(["2019-06-01 10.00.00 beach-day.jpg"]);
        (await Search("camera:nikon")).ShouldBe(["2019-07-01 10.00.00 city.jpg"]);
        (await Search("type:video")).ShouldBe(["2020-06-01 10.00.00 clip.mp4"]);
        (await Search("type:video year:2019")).ShouldBeEmpty();
        (await Search("year:2019 camera:canon person:alice")).ShouldBe(["2019-06-01 10.00.00 beach-day.jpg"]);
        (await Search("year:banana")).ShouldBeEmpty();
        (await Search("100%")).ShouldBeEmpty();

        using var get = await host.SendAsync("GET", "/Search/person:bob/2019-07-01 10.00.00 city.jpg");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
