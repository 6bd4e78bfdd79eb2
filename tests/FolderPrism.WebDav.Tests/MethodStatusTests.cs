using System.Net;
using System.Xml.Linq;

namespace FolderPrism.WebDav.Tests;

/// <summary>Status codes of each method, including the auth shim's anonymous OPTIONS and viewer refusals.</summary>
public sealed class MethodStatusTests : IAsyncLifetime
{
    private readonly DavServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    private static int Code(HttpResponseMessage r) => (int)r.StatusCode;

    [Fact]
    public async Task Options_is_anonymous_and_advertises_class_2()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.BaseUri };
        using var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/"));
        Code(response).ShouldBe(200);
        response.Headers.GetValues("DAV").Single().ShouldBe("1, 2");
        response.Headers.GetValues("MS-Author-Via").Single().ShouldBe("DAV");
        response.Content.Headers.Allow.ShouldContain("PROPFIND");
        Code(await anonymous.GetAsync("/Originals/")).ShouldBe(401);
        using var viewer = _server.CreateClient(DavServerFixture.ViewerUser, DavServerFixture.ViewerPassword);
        Code(await viewer.SendAsync("MKCOL", "Originals/v")).ShouldBe(403);
        Code(await viewer.SendAsync("PROPFIND", "Originals/", null, ("Depth", "0"))).ShouldBe(207);
    }

    [Fact]
    public async Task Root_lists_Originals_and_Import_and_infinity_is_refused()
    {
        using var client = _server.CreateClient();
        var root = await client.PropFindAsync("/", "1");
        var hrefs = root.Descendants(DavClient.Dav + "href").Select(h => h.Value).ToList();
        // The real host also registers the virtual views (FolderPrism.Views) beside the two real mounts.
        hrefs.ShouldBe(
            ["/", "/Albums/", "/Cameras/", "/Duplicates/", "/Favorites/", "/Import/", "/Labels/", "/Originals/", "/People/", "/Review/", "/Search/", "/Tags/",
             "/Timeline/", "/Trash/", "/Videos/"],
            ignoreOrder: true);
        using var infinity = await client.SendAsync("PROPFIND", "/", null, ("Depth", "infinity"));
        Code(infinity).ShouldBe(403);
        XDocument.Parse(await infinity.Content.ReadAsStringAsync()).Descendants(DavClient.Dav + "propfind-finite-depth").ShouldNotBeEmpty();
        var noRoot = await client.PropFindAsync("/", "1,noroot");
        noRoot.Descendants(DavClient.Dav + "href").Select(h => h.Value).ShouldNotContain("/");
    }

    [Fact]
    public async Task Mkcol_put_delete_statuses()
    {
        using var client = _server.CreateClient();
        Code(await client.SendAsync("MKCOL", "Originals/a b")).ShouldBe(201);
        Code(await client.SendAsync("MKCOL", "Originals/a b")).ShouldBe(405);
        Code(await client.SendAsync("MKCOL", "Originals/missing/child")).ShouldBe(409);
        Code(await client.SendAsync("MKCOL", "Originals/withbody", "<x/>")).ShouldBe(415);
        Code(await client.PutAsync("Originals/a%20b/f.txt", new StringContent("one"))).ShouldBe(201);
        Code(await client.PutAsync("Originals/a%20b/f.txt", new StringContent("two"))).ShouldBe(204);
        Code(await client.PutAsync("Originals/a%20b", new StringContent("x"))).ShouldBe(405);
        Code(await client.PutAsync("Originals/nope/f.txt", new StringContent("x"))).ShouldBe(409);
        Code(await client.PutAsync("Originals/a%20b/f.txt", new StringContent("3"))).ShouldBe(204);
        File.ReadAllText(Path.Combine(_server.OriginalsPath, "a b", "f.txt")).ShouldBe("3");
        Code(await client.DeleteAsync("Originals/a%20b/")).ShouldBe(204);
        Code(await client.DeleteAsync("Originals/a%20b/")).ShouldBe(404);
        Code(await client.DeleteAsync("Originals/")).ShouldBe(403);
        Directory.Exists(_server.OriginalsPath).ShouldBeTrue();
    }

    [Fact]
    public async Task Copy_and_move_statuses()
    {
        using var client = _server.CreateClient();
        await client.PutTextAsync("Originals/src.txt", "content");
        Code(await client.SendAsync("COPY", "Originals/src.txt", null, ("Destination", _server.Url("Import/c.txt").ToString()))).ShouldBe(201);
        Code(await client.SendAsync("COPY", "Originals/src.txt", null, ("Destination", "/Import/c.txt"), ("Overwrite", "F"))).ShouldBe(412);
        Code(await client.SendAsync("COPY", "Originals/src.txt", null, ("Destination", "/Import/c.txt"))).ShouldBe(204);
        Code(await client.SendAsync("COPY", "Originals/src.txt", null, ("Destination", "/Import/none/c.txt"))).ShouldBe(409);
        Code(await client.SendAsync("COPY", "Originals/src.txt", null, ("Destination", "/Originals/src.txt"))).ShouldBe(403);
        Code(await client.SendAsync("MOVE", "Originals/src.txt", null, ("Destination", "http://other.example:1/Import/m.txt"))).ShouldBe(502);
        Code(await client.SendAsync("MKCOL", "Originals/dir")).ShouldBe(201);
        Code(await client.SendAsync("MOVE", "Originals/dir", null, ("Destination", "/Originals/dir/inner"))).ShouldBe(403);
        Code(await client.SendAsync("MOVE", "Originals/src.txt", null, ("Destination", "/Originals/dir/moved%20%C3%BC.txt"))).ShouldBe(201);
        File.ReadAllText(Path.Combine(_server.OriginalsPath, "dir", "moved ü.txt")).ShouldBe("content");
        Code(await client.SendAsync("MOVE", "Originals/dir", null, ("Destination", "/Import/dir2"))).ShouldBe(201);
        Directory.Exists(Path.Combine(_server.LibraryPath, "Import", "dir2")).ShouldBeTrue();
        Code(await client.SendAsync("MOVE", "Originals/gone.txt", null, ("Destination", "/Import/x.txt"))).ShouldBe(404);
    }

    [Fact]
    public async Task Hrefs_are_upper_case_percent_encoded_and_collections_end_with_slash()
    {
        Directory.CreateDirectory(Path.Combine(_server.OriginalsPath, "Grüße & Co"));
        File.WriteAllText(Path.Combine(_server.OriginalsPath, "Grüße & Co", "a b#1.jpg"), "x");
        using var client = _server.CreateClient();
        var listing = await client.PropFindAsync("Originals/Gr%C3%BC%C3%9Fe%20%26%20Co/", "1");
        var hrefs = listing.Descendants(DavClient.Dav + "href").Select(h => h.Value).ToList();
        hrefs.ShouldBe(["/Originals/Gr%C3%BC%C3%9Fe%20%26%20Co/", "/Originals/Gr%C3%BC%C3%9Fe%20%26%20Co/a%20b%231.jpg"]);
        var file = listing.Descendants(DavClient.Dav + "response").Last();
        file.Descendants(DavClient.Dav + "getcontenttype").Single().Value.ShouldBe("image/jpeg");
        file.Descendants(DavClient.Dav + "getcontentlength").Single().Value.ShouldBe("1");
        file.Descendants(DavClient.Dav + "creationdate").Single().Value.ShouldEndWith("Z");
        DateTimeOffset.Parse(file.Descendants(DavClient.Dav + "getlastmodified").Single().Value).Year.ShouldBeGreaterThan(2000);
    }

    [Fact]
    public async Task Quota_and_unknown_properties()
    {
        using var client = _server.CreateClient();
        var body = "<D:propfind xmlns:D=\"DAV:\" xmlns:X=\"urn:x\"><D:prop><D:quota-available-bytes/><D:quota-used-bytes/><X:nothing/></D:prop></D:propfind>";
        var doc = await client.PropFindAsync("Originals/", "0", body);
        long.Parse(doc.Descendants(DavClient.Dav + "quota-available-bytes").Single().Value).ShouldBeGreaterThan(0);
        var missing = doc.Descendants(DavClient.Dav + "propstat").Single(p => p.Element(DavClient.Dav + "status")!.Value.Contains("404"));
        missing.Descendants(XName.Get("nothing", "urn:x")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Proppatch_of_protected_property_fails_atomically()
    {
        using var client = _server.CreateClient();
        await client.PutTextAsync("Originals/p.txt", "x");
        var body = "<D:propertyupdate xmlns:D=\"DAV:\" xmlns:Z=\"urn:z\"><D:set><D:prop><Z:a>1</Z:a><D:getetag>\"x\"</D:getetag></D:prop></D:set></D:propertyupdate>";
        using var response = await client.SendAsync("PROPPATCH", "Originals/p.txt", body);
        Code(response).ShouldBe(207);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("403");
        text.ShouldContain("424");
        var after = await client.PropFindAsync("Originals/p.txt", "0", "<D:propfind xmlns:D=\"DAV:\"><D:prop><a xmlns=\"urn:z\"/></D:prop></D:propfind>");
        after.ToString().ShouldContain("404 Not Found");
    }

    [Fact]
    public async Task Windows_proppatch_is_207_and_sets_mtime()
    {
        using var client = _server.CreateClient();
        await client.PutTextAsync("Originals/w.txt", "x");
        var body = """
            <?xml version="1.0" encoding="utf-8" ?><D:propertyupdate xmlns:D="DAV:" xmlns:Z="urn:schemas-microsoft-com:"><D:set><D:prop>
            <Z:Win32CreationTime>Mon, 01 Jan 2018 10:00:00 GMT</Z:Win32CreationTime><Z:Win32LastAccessTime>Mon, 01 Jan 2018 10:00:00 GMT</Z:Win32LastAccessTime>
            <Z:Win32LastModifiedTime>Mon, 01 Jan 2018 10:00:00 GMT</Z:Win32LastModifiedTime><Z:Win32FileAttributes>00000020</Z:Win32FileAttributes>
            </D:prop></D:set></D:propertyupdate>
            """;
        using var response = await client.SendAsync("PROPPATCH", "Originals/w.txt", body);
        Code(response).ShouldBe(207);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("HTTP/1.1 4");
        File.GetLastWriteTimeUtc(Path.Combine(_server.OriginalsPath, "w.txt")).ShouldBe(new DateTime(2018, 1, 1, 10, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Lock_conflicts_tokens_and_unmapped_lock()
    {
        using var client = _server.CreateClient();
        using var other = _server.CreateClient(DavServerFixture.OtherEditorUser, DavServerFixture.EditorPassword);
        const string lockBody = "<D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>me</D:owner></D:lockinfo>";
        using var created = await client.SendAsync("LOCK", "Originals/new.txt", lockBody, ("Timeout", "Second-99999"));
        Code(created).ShouldBe(201);
        File.Exists(Path.Combine(_server.OriginalsPath, "new.txt")).ShouldBeTrue();
        var token = created.Headers.GetValues("Lock-Token").Single().Trim('<', '>');
        (await created.Content.ReadAsStringAsync()).ShouldContain("Second-3600");

        using var denied = await other.PutAsync("Originals/new.txt", new StringContent("x"));
        Code(denied).ShouldBe(423);
        (await denied.Content.ReadAsStringAsync()).ShouldContain("lock-token-submitted");
        Code(await other.SendAsync("PUT", "Originals/new.txt", "x", ("If", $"(<{token}>)"))).ShouldBe(423);
        Code(await client.SendAsync("PUT", "Originals/new.txt", "x", ("If", $"(Not <{token}>)"))).ShouldBe(412);
        Code(await client.SendAsync("PUT", "Originals/new.txt", "x", ("If", $"(<{token}>)"))).ShouldBe(204);
        Code(await other.SendAsync("LOCK", "Originals/new.txt", lockBody)).ShouldBe(423);
        Code(await other.SendAsync("UNLOCK", "Originals/new.txt", null, ("Lock-Token", $"<{token}>"))).ShouldBe(403);
        Code(await client.SendAsync("UNLOCK", "Originals/new.txt", null, ("Lock-Token", token))).ShouldBe(204);
        Code(await other.PutAsync("Originals/new.txt", new StringContent("free"))).ShouldBe(204);
        Code(await client.SendAsync("LOCK", "Originals/", lockBody)).ShouldBe(403);
        Code(await client.SendAsync("LOCK", "/", lockBody)).ShouldBe(403);
    }

    [Fact]
    public async Task Noise_lookups_are_404_and_writes_allowed()
    {
        using var client = _server.CreateClient();
        Code(await client.GetAsync("Originals/._IMG_0001.JPG")).ShouldBe(404);
        Code(await client.SendAsync("PROPFIND", "Originals/.DS_Store", null, ("Depth", "0"))).ShouldBe(404);
        Code(await client.PutAsync("Originals/.DS_Store", new StringContent("x"))).ShouldBe(201);
        Core.Files.ClientNoise.IsNoise(".DS_Store").ShouldBeTrue();
        Core.Files.ClientNoise.IsNoise("._IMG_0001.JPG").ShouldBeTrue();
        Core.Files.ClientNoise.IsNoise("Thumbs.db").ShouldBeTrue();
        Core.Files.ClientNoise.IsNoise("IMG_0001.JPG").ShouldBeFalse();
        HttpStatusCode.OK.ShouldBe((await client.GetAsync("Originals/.DS_Store")).StatusCode);

        File.WriteAllText(Path.Combine(_server.OriginalsPath, ".~fpdav-inflight.tmp"), "partial");
        Code(await client.GetAsync("Originals/.~fpdav-inflight.tmp")).ShouldBe(404);
        (await client.PropFindAsync("Originals/", "1")).ToString().ShouldNotContain("fpdav");
        Core.Files.ClientNoise.IsNoise(".~fpdav-inflight.tmp").ShouldBeTrue();
    }
}
