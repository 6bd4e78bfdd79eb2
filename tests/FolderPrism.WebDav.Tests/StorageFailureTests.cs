using System.Net.Http.Headers;
using System.Xml.Linq;

namespace FolderPrism.WebDav.Tests;

/// <summary>
/// Writes that the disk refuses, on real file systems made to refuse: a full tmpfs mounted inside the library
/// (PUT → 507, temp file removed), an immutable file and a read-only bind mount inside a collection (DELETE → 207
/// naming exactly what stayed; everything else is gone with its dead properties and locks, what stayed keeps theirs).
/// Mounts and attributes are undone before the library is removed.
/// </summary>
public sealed class StorageFailureTests : IAsyncLifetime
{
    private const string Ns = "urn:example:storage-failure";
    private readonly DavServerFixture _server = new();
    private readonly Stack<Action> _undo = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public async Task DisposeAsync()
    {
        while (_undo.TryPop(out var undo))
        {
            undo();
        }

        await _server.DisposeAsync();
    }

    [PrivilegedFact(PrivilegedFeature.TmpfsMount)]
    public async Task Put_on_a_full_disk_is_507_and_leaves_no_temp_file()
    {
        var full = Path.Combine(_server.OriginalsPath, "full");
        Directory.CreateDirectory(full);
        SystemCommand.Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", full);
        _undo.Push(() => SystemCommand.Run("umount", full));
        using var client = _server.CreateClient();

        (await PutAsync(client, "Originals/full/small.bin", 16 * 1024)).ShouldBe(201);
        (await PutAsync(client, "Originals/full/big.bin", 3 * 1024 * 1024)).ShouldBe(507);

        Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).ShouldBe(["small.bin"]);
        // The space the temp file took is free again: 700 KiB fits into 1 MiB only if it was really removed.
        (await PutAsync(client, "Originals/full/after.bin", 700 * 1024)).ShouldBe(201);
        new FileInfo(Path.Combine(full, "after.bin")).Length.ShouldBe(700 * 1024);
    }

    [PrivilegedFact(PrivilegedFeature.ImmutableFile)]
    public async Task Delete_of_a_collection_with_an_undeletable_file_is_207_naming_only_it()
    {
        var album = CreateAlbum();
        var kept = Path.Combine(album, "kept.jpg");
        File.WriteAllText(kept, "immutable");
        using var client = _server.CreateClient();
        await MarkAsync(client, "Originals/album", "Originals/album/a.jpg", "Originals/album/sub", "Originals/album/sub/c.jpg", "Originals/album/kept.jpg");
        var keptLock = await LockAsync(client, "Originals/album/kept.jpg");
        var goneLock = await LockAsync(client, "Originals/album/sub/c.jpg");
        SystemCommand.Run("chattr", "+i", kept);
        _undo.Push(() => SystemCommand.Run("chattr", "-i", kept));

        var failed = await DeleteExpectingMultiStatusAsync(
            "Originals/album/", ("Originals/album/kept.jpg", keptLock), ("Originals/album/sub/c.jpg", goneLock));

        failed.ShouldBe(["/Originals/album/kept.jpg"]);
        Directory.EnumerateFileSystemEntries(album).Select(Path.GetFileName).ShouldBe(["kept.jpg"]);
        // What stayed keeps its dead properties and locks; what was deleted lost them (re-created, it starts bare).
        (await MarkOfAsync(client, "Originals/album")).ShouldBe("/Originals/album");
        (await MarkOfAsync(client, "Originals/album/kept.jpg")).ShouldBe("/Originals/album/kept.jpg");
        (await LockTokensAsync(client, "Originals/album/kept.jpg")).ShouldBe([keptLock]);
        await client.SendAsync("MKCOL", "Originals/album/sub");
        await client.PutTextAsync("Originals/album/sub/c.jpg", "c again");
        await client.PutTextAsync("Originals/album/a.jpg", "a again");
        (await LockTokensAsync(client, "Originals/album/sub/c.jpg")).ShouldBeEmpty();
        foreach (var url in new[] { "Originals/album/a.jpg", "Originals/album/sub", "Originals/album/sub/c.jpg" })
        {
            (await MarkOfAsync(client, url)).ShouldBeNull(url);
        }
    }

    [PrivilegedFact(PrivilegedFeature.ReadOnlyBindMount)]
    public async Task Delete_of_a_collection_with_a_read_only_subfolder_is_207_naming_its_files()
    {
        var album = CreateAlbum();
        var locked = Path.Combine(album, "locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "x.jpg"), "x");
        File.WriteAllText(Path.Combine(locked, "y z.jpg"), "y");
        using var client = _server.CreateClient();
        await MarkAsync(client, "Originals/album", "Originals/album/locked", "Originals/album/locked/y%20z.jpg", "Originals/album/sub", "Originals/album/b.jpg");
        var keptLock = await LockAsync(client, "Originals/album/locked/x.jpg");
        var goneLock = await LockAsync(client, "Originals/album/b.jpg");
        SystemCommand.Run("mount", "--bind", locked, locked);
        _undo.Push(() => SystemCommand.Run("umount", locked));
        SystemCommand.Run("mount", "-o", "remount,bind,ro", locked);

        var failed = await DeleteExpectingMultiStatusAsync(
            "Originals/album/", ("Originals/album/locked/x.jpg", keptLock), ("Originals/album/b.jpg", goneLock));

        failed.ShouldBe(["/Originals/album/locked/x.jpg", "/Originals/album/locked/y%20z.jpg"], ignoreOrder: true);
        Directory.EnumerateFileSystemEntries(album).Select(Path.GetFileName).ShouldBe(["locked"]);
        Directory.EnumerateFileSystemEntries(locked).Count().ShouldBe(2);
        foreach (var url in new[] { "Originals/album", "Originals/album/locked", "Originals/album/locked/y%20z.jpg" })
        {
            (await MarkOfAsync(client, url)).ShouldBe("/" + Uri.UnescapeDataString(url), url);
        }

        (await LockTokensAsync(client, "Originals/album/locked/x.jpg")).ShouldBe([keptLock]);
        await client.SendAsync("MKCOL", "Originals/album/sub");
        await client.PutTextAsync("Originals/album/b.jpg", "b again");
        (await MarkOfAsync(client, "Originals/album/sub")).ShouldBeNull();
        (await MarkOfAsync(client, "Originals/album/b.jpg")).ShouldBeNull();
        (await LockTokensAsync(client, "Originals/album/b.jpg")).ShouldBeEmpty();
    }

    private static async Task<int> PutAsync(HttpClient client, string url, int length)
    {
        var content = new ByteArrayContent(new byte[length]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.PutAsync(url, content);
        return (int)response.StatusCode;
    }

    /// <summary>An album with deletable members at two levels, so "the rest deleted" is checked below the top too.</summary>
    private string CreateAlbum()
    {
        var album = Path.Combine(_server.OriginalsPath, "album");
        Directory.CreateDirectory(Path.Combine(album, "sub"));
        File.WriteAllText(Path.Combine(album, "a.jpg"), "a");
        File.WriteAllText(Path.Combine(album, "b.jpg"), "b");
        File.WriteAllText(Path.Combine(album, "sub", "c.jpg"), "c");
        return album;
    }

    /// <summary>Sets the dead property <c>mark</c> of each URL to its own path, so a survivor is recognisable.</summary>
    private static async Task MarkAsync(HttpClient client, params string[] urls)
    {
        foreach (var url in urls)
        {
            using var response = await client.SendAsync("PROPPATCH", url, DavClient.PropPatchBody(Ns, "mark", "/" + Uri.UnescapeDataString(url)));
            ((int)response.StatusCode).ShouldBe(207);
        }
    }

    private static async Task<string?> MarkOfAsync(HttpClient client, string url)
    {
        var doc = await client.PropFindAsync(url, "0", $"<D:propfind xmlns:D=\"DAV:\"><D:prop><m:mark xmlns:m=\"{Ns}\"/></D:prop></D:propfind>");
        var ok = doc.Descendants(DavClient.Dav + "propstat").FirstOrDefault(p => p.Element(DavClient.Dav + "status")!.Value.Contains("200"));
        return ok?.Descendants(XName.Get("mark", Ns)).SingleOrDefault()?.Value;
    }

    private static async Task<string> LockAsync(HttpClient client, string url)
    {
        const string body = "<D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>t</D:owner></D:lockinfo>";
        using var response = await client.SendAsync("LOCK", url, body, ("Depth", "0"));
        ((int)response.StatusCode).ShouldBe(200);
        return response.Headers.GetValues("Lock-Token").Single().Trim('<', '>');
    }

    private static async Task<List<string>> LockTokensAsync(HttpClient client, string url)
    {
        var doc = await client.PropFindAsync(url, "0", "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:lockdiscovery/></D:prop></D:propfind>");
        return doc.Descendants(DavClient.Dav + "locktoken").Select(t => t.Element(DavClient.Dav + "href")!.Value.Trim()).ToList();
    }

    /// <summary>
    /// DELETE (submitting the given locks as tagged <c>If</c> lists) must answer 207; returns the hrefs it reports,
    /// each of which must carry a 4xx status.
    /// </summary>
    private async Task<List<string>> DeleteExpectingMultiStatusAsync(string url, params (string Url, string Token)[] locks)
    {
        using var client = _server.CreateClient();
        var condition = string.Join(' ', locks.Select(l => $"<{_server.Url(l.Url)}> (<{l.Token}>)"));
        using var response = await client.SendAsync("DELETE", url, null, locks.Length == 0 ? [] : [("If", condition)]);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(207, body);
        var responses = XDocument.Parse(body).Descendants(DavClient.Dav + "response").ToList();
        foreach (var entry in responses)
        {
            entry.Element(DavClient.Dav + "status")!.Value.ShouldMatch(@"^HTTP/1\.1 4\d\d ", body);
        }

        return responses.Select(r => new Uri(_server.BaseUri, r.Element(DavClient.Dav + "href")!.Value).AbsolutePath).ToList();
    }
}
