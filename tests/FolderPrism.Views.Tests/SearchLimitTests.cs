using System.Net;

namespace FolderPrism.Views.Tests;

/// <summary>
/// A search folder decides "over the limit?" from the ids of its matches, then reads the rows of a flat listing by key:
/// the split appears exactly past the limit, trashed photos count for nothing, and a flat listing keeps capture order
/// (ties in one second included) with the same names as before.
/// </summary>
public sealed class SearchLimitTests
{
    [Fact]
    public async Task Search_splits_past_the_limit_only_and_lists_visible_matches_in_capture_order()
    {
        await using var host = await ViewsHost.StartAsync(maxFolderEntries: 3);
        var tagged = new List<Core.Library.MediaItem>();
        foreach (var (path, taken) in new[]
                 {
                     ("a/late.jpg", new DateTime(2019, 8, 1, 9, 0, 0)), ("b/same.jpg", new DateTime(2019, 3, 1, 9, 0, 0)),
                     ("c/same.jpg", new DateTime(2019, 3, 1, 9, 0, 0)), ("d/early.jpg", new DateTime(2019, 2, 1, 9, 0, 0)),
                 })
        {
            var item = await host.AddAsync(path, taken);
            await host.TagAsync(item, "t");
            tagged.Add(item);
        }

        await host.AddAsync("e/untagged.jpg", new DateTime(2019, 5, 1, 9, 0, 0));
        var other = await host.AddAsync("f/other-year.jpg", new DateTime(2018, 5, 1, 9, 0, 0));
        await host.TagAsync(other, "t");

        // 4 matches in 2019, limit 3: split by year (the query's whole range), then months.
        (await host.ListAsync("/Search/tag:t year:2019/")).ShouldBe(["2019/"]);
        (await host.ListAsync("/Search/tag:t year:2019/2019/")).ShouldBe(["2019-02/", "2019-03/", "2019-08/"]);
        var timeline = await host.ListAsync("/Timeline/2019/2019-03/");
        timeline.Count.ShouldBe(2);

        // Trash one: 3 visible, exactly the limit, listed flat in capture order with the Timeline's names.
        (await host.SendAsync("DELETE", "/Timeline/2019/2019-08/2019-08-01 09.00.00 late.jpg")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var flat = await host.ListAsync("/Search/tag:t year:2019/");
        flat.ShouldBe(["2019-02-01 09.00.00 early.jpg", .. timeline]);
        (await host.SendAsync("PROPFIND", "/Search/tag:t year:2019/2019/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var get = await host.Http.GetAsync(ViewsHost.Href("/Search/tag:t year:2019/" + flat[1]), ViewsHost.Timeout))
        {
            get.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Narrow searches: one match, none.
        (await host.ListAsync("/Search/tag:t year:2018/")).ShouldBe(["2018-05-01 09.00.00 other-year.jpg"]);
        (await host.ListAsync("/Search/tag:t year:2017/")).ShouldBeEmpty();
    }
}
