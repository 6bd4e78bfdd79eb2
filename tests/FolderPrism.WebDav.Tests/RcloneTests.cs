using System.Text.Json;

namespace FolderPrism.WebDav.Tests;

/// <summary>rclone as a WebDAV remote: a tree with non-ASCII names and spaces survives copy, check, list, move, delete.</summary>
public sealed class RcloneTests : IAsyncLifetime
{
    private readonly DavServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    internal static string MakeTree(string root)
    {
        var files = new[] { "Grüße/été photo.jpg", "space dir/a b.txt", "日本/写真 1.png", "plain.bin", "space dir/deeper/ñ%#&.txt" };
        var random = new Random(42);
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = new byte[random.Next(1, 300_000)];
            random.NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
        }

        return root;
    }

    [Fact]
    public async Task Copy_check_list_move_delete_round_trip()
    {
        var local = MakeTree(Path.Combine(_server.Root, "local"));
        var rclone = await RcloneRemote.CreateAsync(_server);

        await rclone.RunAsync("copy", local, "FP:Originals/tree");
        await rclone.RunAsync("check", "--download", local, "FP:Originals/tree");
        File.ReadAllBytes(Path.Combine(_server.OriginalsPath, "tree", "Grüße", "été photo.jpg"))
            .ShouldBe(File.ReadAllBytes(Path.Combine(local, "Grüße", "été photo.jpg")));

        var listing = JsonDocument.Parse(await rclone.RunAsync("lsjson", "-R", "FP:Originals/tree"));
        var paths = listing.RootElement.EnumerateArray().Select(e => e.GetProperty("Path").GetString()).ToList();
        paths.ShouldContain("日本/写真 1.png");
        paths.ShouldContain("space dir/deeper/ñ%#&.txt");
        var size = listing.RootElement.EnumerateArray().First(e => e.GetProperty("Path").GetString() == "plain.bin").GetProperty("Size").GetInt64();
        size.ShouldBe(new FileInfo(Path.Combine(local, "plain.bin")).Length);

        await rclone.RunAsync("moveto", "FP:Originals/tree/space dir/a b.txt", "FP:Import/moved ü.txt");
        File.Exists(Path.Combine(_server.LibraryPath, "Import", "moved ü.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(_server.OriginalsPath, "tree", "space dir", "a b.txt")).ShouldBeFalse();

        await rclone.RunAsync("delete", "FP:Originals/tree/日本");
        Directory.EnumerateFiles(Path.Combine(_server.OriginalsPath, "tree", "日本")).ShouldBeEmpty();
        File.Exists(Path.Combine(_server.OriginalsPath, "tree", "plain.bin")).ShouldBeTrue();
    }
}
