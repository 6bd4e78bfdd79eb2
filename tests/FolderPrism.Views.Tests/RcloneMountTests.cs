using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Tests;

/// <summary>Organising through a real FUSE mount (rclone mount over WebDAV, fuse3) of the real daemon.</summary>
public sealed class RcloneMountTests
{
    [Fact]
    public async Task Cp_into_a_tag_folder_rm_from_it_mv_a_people_folder_mkdir_a_search_rm_in_timeline_and_mv_back_from_trash()
    {
        await using var host = await ViewsHost.StartAsync();
        var bytes = "bytes of a photo for the mount test"u8.ToArray();
        var item = await host.AddAsync("2019/IMG_1.JPG", new DateTime(2019, 6, 21, 12, 0, 0), bytes: bytes);
        await host.PersonAsync(item, "Alice");
        await host.AddAsync("2019/IMG_2.JPG", new DateTime(2019, 6, 22, 12, 0, 0)); // keeps the month folder while IMG_1 is trashed
        (await host.SendAsync("MKCOL", "/Tags/Beach")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        var local = Path.Combine(host.Root, "local", "IMG_1.JPG");
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.WriteAllBytesAsync(local, bytes);

        var mount = Path.Combine(host.Root, "mnt");
        Directory.CreateDirectory(mount);
        using var process = Process.Start(await MountInfoAsync(host, mount))!;
        try
        {
            await WaitUntilAsync(() => File.ReadAllText("/proc/mounts").Contains(" " + mount + " ", StringComparison.Ordinal));
            Directory.EnumerateDirectories(Path.Combine(mount, "Tags")).Select(Path.GetFileName).ShouldBe(["Beach"]);

            File.Copy(local, Path.Combine(mount, "Tags", "Beach", "IMG_1.JPG"));
            await WaitUntilAsync(() => CountAsync(host, db => db.ItemTags.CountAsync(t => t.ItemId == item.Id)).Result == 1);
            var dated = Path.Combine(mount, "Tags", "Beach", "2019-06-21 12.00.00 IMG_1.JPG");
            await WaitUntilAsync(() => File.Exists(dated));
            File.ReadAllBytes(dated).ShouldBe(bytes);

            File.Delete(dated);
            await WaitUntilAsync(() => CountAsync(host, db => db.ItemTags.CountAsync(t => t.ItemId == item.Id)).Result == 0);
            File.Exists(Path.Combine(host.Originals, "2019/IMG_1.JPG")).ShouldBeTrue();

            Directory.Move(Path.Combine(mount, "People", "Alice"), Path.Combine(mount, "People", "Alice Smith"));
            await WaitUntilAsync(() => CountAsync(host, db => db.People.CountAsync(p => p.Name == "Alice Smith")).Result == 1);
            (await host.ListAsync("/People/Alice Smith/")).ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG"]);

            // A query made with mkdir is saved, so it opens through the mount (FUSE looks names up in the parent's
            // listing); rmdir of an empty one forgets it (a FUSE rmdir refuses folders with photos, as anywhere).
            var search = Path.Combine(mount, "Search", "person=alice year=2019");
            Directory.CreateDirectory(search);
            await WaitUntilAsync(() => Directory.Exists(search) && Directory.EnumerateFiles(search).Any());
            Directory.EnumerateFiles(search).Select(Path.GetFileName).ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG"]);
            var empty = Path.Combine(mount, "Search", "year=1990");
            Directory.CreateDirectory(empty);
            await WaitUntilAsync(() => CountAsync(host, db => db.SavedSearches.CountAsync()).Result == 2);
            Directory.Delete(empty);
            await WaitUntilAsync(() => CountAsync(host, db => db.SavedSearches.CountAsync()).Result == 1);
            (await host.ListAsync("/Search/")).ShouldBe(["person=alice year=2019/"]);

            // rm in Timeline moves the original to Trash; mv from Trash back into Timeline restores it.
            var original = Path.Combine(host.Originals, "2019/IMG_1.JPG");
            var timeline = Path.Combine(mount, "Timeline", "2019", "2019-06", "2019-06-21 12.00.00 IMG_1.JPG");
            await WaitUntilAsync(() => File.Exists(timeline));
            File.Delete(timeline);
            await WaitUntilAsync(() => !File.Exists(original));
            var trashed = Path.Combine(mount, "Trash", "2019-06-21 12.00.00 IMG_1.JPG");
            await WaitUntilAsync(() => File.Exists(trashed));
            File.ReadAllBytes(trashed).ShouldBe(bytes);
            File.Move(trashed, timeline);
            await WaitUntilAsync(() => File.Exists(original));
            File.ReadAllBytes(original).ShouldBe(bytes);
            (await host.ListAsync("/Trash/")).ShouldBeEmpty();
            (await host.ListAsync("/People/Alice Smith/")).ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG"]);
        }
        finally
        {
            using var unmount = Process.Start("fusermount3", ["-u", "-z", mount]);
            await unmount.WaitForExitAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<int> CountAsync(ViewsHost host, Func<FolderPrism.Data.FolderPrismDbContext, Task<int>> query)
    {
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        return await query(db);
    }

    private static async Task<ProcessStartInfo> MountInfoAsync(ViewsHost host, string mount)
    {
        using var obscure = Process.Start(new ProcessStartInfo("rclone", ["obscure", ViewsHost.Password]) { RedirectStandardOutput = true })!;
        var obscured = (await obscure.StandardOutput.ReadToEndAsync()).Trim();
        await obscure.WaitForExitAsync();
        var info = new ProcessStartInfo("rclone")
        {
            ArgumentList = { "mount", "FP:", mount, "--vfs-cache-mode", "writes", "--vfs-write-back", "0s",
                "--dir-cache-time", "1s", "--cache-dir", Path.Combine(host.Root, "rclone-cache") },
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        info.Environment["RCLONE_CONFIG"] = Path.Combine(host.Root, "rclone.conf");
        info.Environment["RCLONE_CONFIG_FP_TYPE"] = "webdav";
        info.Environment["RCLONE_CONFIG_FP_URL"] = host.Http.BaseAddress!.ToString().TrimEnd('/');
        info.Environment["RCLONE_CONFIG_FP_VENDOR"] = "other";
        info.Environment["RCLONE_CONFIG_FP_USER"] = ViewsHost.User;
        info.Environment["RCLONE_CONFIG_FP_PASS"] = obscured;
        return info;
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
