using System.Diagnostics;

namespace FolderPrism.WebDav.Tests;

/// <summary>A real FUSE mount (rclone mount, fuse3) of the server: ls, cp, mv, rm, mkdir and byte-identical reads.</summary>
public sealed class FuseMountTests : IAsyncLifetime
{
    private readonly DavServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task File_operations_through_rclone_mount()
    {
        var rclone = await RcloneRemote.CreateAsync(_server);
        var mount = Path.Combine(_server.Root, "mnt");
        Directory.CreateDirectory(mount);
        var info = new ProcessStartInfo("rclone")
        {
            ArgumentList = { "mount", "FP:Originals", mount, "--vfs-cache-mode", "writes", "--vfs-write-back", "0s",
                "--dir-cache-time", "1s", "--cache-dir", Path.Combine(_server.Root, "rclone-cache") },
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var (k, v) in rclone.Environment)
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        try
        {
            await WaitUntilAsync(() => File.ReadAllText("/proc/mounts").Contains(" " + mount + " ", StringComparison.Ordinal));
            var local = RcloneTests.MakeTree(Path.Combine(_server.Root, "local"));
            var source = Path.Combine(local, "Grüße", "été photo.jpg");

            Directory.CreateDirectory(Path.Combine(mount, "album ü"));
            File.Copy(source, Path.Combine(mount, "album ü", "été photo.jpg"));
            var onServer = Path.Combine(_server.OriginalsPath, "album ü", "été photo.jpg");
            await WaitUntilAsync(() => File.Exists(onServer) && new FileInfo(onServer).Length == new FileInfo(source).Length);
            File.ReadAllBytes(onServer).ShouldBe(File.ReadAllBytes(source));

            Directory.EnumerateFileSystemEntries(Path.Combine(mount, "album ü")).Select(Path.GetFileName).ShouldBe(["été photo.jpg"]);
            File.Move(Path.Combine(mount, "album ü", "été photo.jpg"), Path.Combine(mount, "album ü", "renamed.jpg"));
            await WaitUntilAsync(() => File.Exists(Path.Combine(_server.OriginalsPath, "album ü", "renamed.jpg")) && !File.Exists(onServer));
            File.ReadAllBytes(Path.Combine(mount, "album ü", "renamed.jpg")).ShouldBe(File.ReadAllBytes(source));

            File.Delete(Path.Combine(mount, "album ü", "renamed.jpg"));
            await WaitUntilAsync(() => !File.Exists(Path.Combine(_server.OriginalsPath, "album ü", "renamed.jpg")));
            Directory.Delete(Path.Combine(mount, "album ü"));
            await WaitUntilAsync(() => !Directory.Exists(Path.Combine(_server.OriginalsPath, "album ü")));
        }
        finally
        {
            await ExternalTool.RunAsync("fusermount3", ["-u", "-z", mount]);
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "condition not reached through the mount");
            await Task.Delay(200);
        }
    }
}
