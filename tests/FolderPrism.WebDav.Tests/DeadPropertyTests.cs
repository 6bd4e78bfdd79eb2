using System.Xml.Linq;

namespace FolderPrism.WebDav.Tests;

/// <summary>Dead properties live in SQLite: they survive a restart and follow MOVE, COPY and DELETE (subtrees too).</summary>
public sealed class DeadPropertyTests : IAsyncLifetime
{
    private const string Ns = "urn:example:props";
    private static readonly XName Color = XName.Get("color", Ns);
    private DavServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    private static async Task<string?> ColorOfAsync(HttpClient client, string url)
    {
        var doc = await client.PropFindAsync(url, "0", $"<D:propfind xmlns:D=\"DAV:\"><D:prop><c:color xmlns:c=\"{Ns}\"/></D:prop></D:propfind>");
        var ok = doc.Descendants(DavClient.Dav + "propstat").FirstOrDefault(p => p.Element(DavClient.Dav + "status")!.Value.Contains("200"));
        return ok?.Descendants(Color).SingleOrDefault()?.Value;
    }

    [Fact]
    public async Task Survive_restart_and_travel_with_move_and_copy()
    {
        using (var client = _server.CreateClient())
        {
            await client.SendAsync("MKCOL", "Originals/album");
            await client.PutTextAsync("Originals/album/a.jpg", "a");
            using var patch = await client.SendAsync("PROPPATCH", "Originals/album/a.jpg", DavClient.PropPatchBody(Ns, "color", "blue &amp; green"));
            ((int)patch.StatusCode).ShouldBe(207);
            await client.SendAsync("PROPPATCH", "Originals/album", DavClient.PropPatchBody(Ns, "color", "folder"));
        }

        var root = _server.Root;
        await _server.StopAsync();
        _server = new DavServerFixture(root);
        await _server.InitializeAsync();
        using var restarted = _server.CreateClient();
        (await ColorOfAsync(restarted, "Originals/album/a.jpg")).ShouldBe("blue & green");

        var listing = await restarted.PropFindAsync("Originals/album/", "1");
        listing.Descendants(Color).Select(c => c.Value).ShouldBe(["folder", "blue & green"], ignoreOrder: true);

        (await restarted.SendAsync("COPY", "Originals/album", null, ("Destination", "/Import/copy"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        (await ColorOfAsync(restarted, "Import/copy/a.jpg")).ShouldBe("blue & green");
        (await restarted.SendAsync("MOVE", "Originals/album", null, ("Destination", "/Originals/renamed"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        (await ColorOfAsync(restarted, "Originals/renamed/a.jpg")).ShouldBe("blue & green");
        (await ColorOfAsync(restarted, "Originals/renamed")).ShouldBe("folder");

        await restarted.DeleteAsync("Import/copy");
        await restarted.SendAsync("MKCOL", "Import/copy");
        await restarted.PutTextAsync("Import/copy/a.jpg", "again");
        (await ColorOfAsync(restarted, "Import/copy/a.jpg")).ShouldBeNull();
        (await ColorOfAsync(restarted, "Import/copy")).ShouldBeNull();
    }
}
