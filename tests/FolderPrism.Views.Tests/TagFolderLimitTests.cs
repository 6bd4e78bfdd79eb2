using System.Net;

namespace FolderPrism.Views.Tests;

/// <summary>
/// A whole tag folder decides "over the limit?" from the tag's links (index) and visible probes: links to trashed
/// photos count for nothing, so a tag with more links than the limit but few visible photos lists them flat, and
/// the split appears exactly when the visible ones pass the limit — the same answer for listing and for resolving.
/// </summary>
public sealed class TagFolderLimitTests
{
    [Fact]
    public async Task Links_to_trashed_photos_do_not_split_a_tag_folder_and_visible_ones_do()
    {
        await using var host = await ViewsHost.StartAsync(maxFolderEntries: 2);
        var items = new List<Core.Library.MediaItem>();
        for (var n = 0; n < 3; n++)
        {
            var item = await host.AddAsync($"a/{n}.jpg", new DateTime(2018 + n, 1, 1, 9, 0, 0));
            await host.TagAsync(item, "t");
            items.Add(item);
        }

        (await host.ListAsync("/Tags/t/")).ShouldBe(["2018/", "2019/", "2020/"]);
        (await host.SendAsync("DELETE", "/Timeline/2020/2020-01/2020-01-01 09.00.00 2.jpg")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // 3 links, 2 visible: flat again; the year folders are gone for listing and resolving alike.
        (await host.ListAsync("/Tags/t/")).ShouldBe(["2018-01-01 09.00.00 0.jpg", "2019-01-01 09.00.00 1.jpg"]);
        (await host.SendAsync("PROPFIND", "/Tags/t/2018/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var get = await host.Http.GetAsync(ViewsHost.Href("/Tags/t/2019-01-01 09.00.00 1.jpg"), ViewsHost.Timeout))
        {
            get.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Small tags (links within the limit) are loaded by key: only their visible photos, in capture order.
        var other = await host.AddAsync("b/x.jpg", new DateTime(2017, 5, 5, 5, 5, 5));
        await host.TagAsync(items[0], "s");
        await host.TagAsync(other, "s");
        (await host.ListAsync("/Tags/s/")).ShouldBe(["2017-05-05 05.05.05 x.jpg", "2018-01-01 09.00.00 0.jpg"]);
        await host.TagAsync(items[2], "u"); // trashed: not listed
        await host.TagAsync(items[1], "u");
        (await host.ListAsync("/Tags/u/")).ShouldBe(["2019-01-01 09.00.00 1.jpg"]);
    }
}
