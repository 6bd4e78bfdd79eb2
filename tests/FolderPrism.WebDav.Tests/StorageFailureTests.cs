using System.Net.Http.Headers;
using System.Xml.Linq;

namespace FolderPrism.WebDav.Tests;

/// <summary>
/// Writes that the disk refuses, on real file systems made to refuse: a full tmpfs mounted inside the library
/// (PUT → 507, temp file removed), an immutable file and a read-only bind mount inside a collection (DELETE → 207
/// naming exactly what stayed, everything else gone). Mounts and attributes are undone before the library is removed.
/// </summary>
public sealed class StorageFailureTests : IAsyncLifetime
{
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
        SystemCommand.Run("chattr", "+i", kept);
        _undo.Push(() => SystemCommand.Run("chattr", "-i", kept));

        var failed = await DeleteExpectingMultiStatusAsync("Originals/album/");

        failed.ShouldBe(["/Originals/album/kept.jpg"]);
        Directory.EnumerateFileSystemEntries(album).Select(Path.GetFileName).ShouldBe(["kept.jpg"]);
    }

    [PrivilegedFact(PrivilegedFeature.ReadOnlyBindMount)]
    public async Task Delete_of_a_collection_with_a_read_only_subfolder_is_207_naming_its_files()
    {
        var album = CreateAlbum();
        var locked = Path.Combine(album, "locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "x.jpg"), "x");
        File.WriteAllText(Path.Combine(locked, "y z.jpg"), "y");
        SystemCommand.Run("mount", "--bind", locked, locked);
        _undo.Push(() => SystemCommand.Run("umount", locked));
        SystemCommand.Run("mount", "-o", "remount,bind,ro", locked);

        var failed = await DeleteExpectingMultiStatusAsync("Originals/album/");

        failed.ShouldBe(["/Originals/album/locked/x.jpg", "/Originals/album/locked/y%20z.jpg"], ignoreOrder: true);
        Directory.EnumerateFileSystemEntries(album).Select(Path.GetFileName).ShouldBe(["locked"]);
        Directory.EnumerateFileSystemEntries(locked).Count().ShouldBe(2);
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

    /// <summary>DELETE must answer 207; returns the hrefs it reports, each of which must carry a 4xx status.</summary>
    private async Task<List<string>> DeleteExpectingMultiStatusAsync(string url)
    {
        using var client = _server.CreateClient();
        using var response = await client.DeleteAsync(url);
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
