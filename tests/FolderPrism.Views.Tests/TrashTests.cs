using System.Net;
using System.Text;
using FolderPrism.Views.Trash;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Views.Tests;

/// <summary>DELETE in Originals/ and Timeline/ goes to Trash; restore by MOVE; emptying, expiry, repair and sharding.</summary>
public sealed class TrashTests
{
    private static readonly DateTime Taken = new(2019, 6, 21, 12, 0, 0);
    private const string Name = "2019-06-21 12.00.00 IMG_1.JPG";

    private static (string, string) Destination(ViewsHost host, string path) =>
        ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href(path)).ToString());

    private static string TrashDir(ViewsHost host) => Path.Combine(host.Library, ".trash");

    [Fact]
    public async Task Deleting_an_originals_folder_trashes_media_deletes_other_files_and_restores_by_move()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("2019/IMG_1.JPG", Taken);
        await host.TagAsync(item, "Keep");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(host.Originals, "2019/IMG_1.JPG"));
        var fresh = Path.Combine(host.Originals, "2019/sub/new.jpg"); // on disk, not indexed yet
        Directory.CreateDirectory(Path.GetDirectoryName(fresh)!);
        await File.WriteAllTextAsync(fresh, "new photo bytes");
        File.SetLastWriteTimeUtc(fresh, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        await File.WriteAllTextAsync(Path.Combine(host.Originals, "2019/notes.txt"), "not a photo");
        await File.WriteAllTextAsync(Path.Combine(host.Originals, "2019/.DS_Store"), "noise");
        await File.WriteAllTextAsync(Path.Combine(host.Originals, "2019/._IMG_1.JPG"), "AppleDouble noise");

        (await host.SendAsync("DELETE", "/Originals/2019/")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Directory.Exists(Path.Combine(host.Originals, "2019")).ShouldBeFalse();
        (await host.SendAsync("PROPFIND", "/Originals/2019/", ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.ListAsync("/Trash/")).Order().ShouldBe([Name, "2020-01-02 03.04.05 new.jpg"]);
        (await host.ListAsync("/Timeline/")).ShouldBeEmpty();
        var kept = Directory.EnumerateFiles(TrashDir(host), "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        kept.ShouldBe([TrashStore.OriginFile, TrashStore.OriginFile, "IMG_1.JPG", "new.jpg"]); // notes.txt, .DS_Store, ._IMG_1.JPG: gone for good

        // The name is free again at once (delete then re-create), while the old photo waits in Trash.
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/Originals/2019/IMG_1.JPG") { Content = new ByteArrayContent("other"u8.ToArray()) })
        {
            (await host.SendAsync("MKCOL", "/Originals/2019")).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await host.Http.SendAsync(put, ViewsHost.Timeout)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await host.SendAsync("MOVE", "/Trash/" + Name, Destination(host, "/Originals/2019/IMG_1.JPG")))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await host.SendAsync("MOVE", "/Trash/" + Name, Destination(host, "/Originals/2019/IMG_1 restored.JPG")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        File.ReadAllBytes(Path.Combine(host.Originals, "2019/IMG_1 restored.JPG")).ShouldBe(bytes);
        (await host.ListAsync("/Tags/Keep/")).ShouldBe(["2019-06-21 12.00.00 IMG_1 restored.JPG"]); // same item, tags kept

        // MOVE into Timeline restores to where it was, re-creating the folder.
        (await host.SendAsync("MOVE", "/Trash/2020-01-02 03.04.05 new.jpg", Destination(host, "/Timeline/2020/2020-01/new.jpg")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        File.ReadAllText(fresh).ShouldBe("new photo bytes");
        (await host.ListAsync("/Trash/")).ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(TrashDir(host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_the_trash_folder_empties_it_for_good()
    {
        await using var host = await ViewsHost.StartAsync();
        var one = await host.AddAsync("a/IMG_1.JPG", Taken);
        await host.AddAsync("a/IMG_2.JPG", Taken.AddDays(1));
        (await host.SendAsync("DELETE", "/Originals/a/IMG_1.JPG")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.SendAsync("DELETE", "/Timeline/2019/2019-06/2019-06-22 12.00.00 IMG_2.JPG")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await host.AddAsync("a/IMG_3.JPG", Taken.AddDays(2));
        (await host.SendAsync("MOVE", "/Originals/a/IMG_3.JPG", Destination(host, "/Trash/IMG_3.JPG"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/Trash/")).Count.ShouldBe(3);

        (await host.SendAsync("DELETE", "/Trash/")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/Trash/")).ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(TrashDir(host)).ShouldBeEmpty();
        Directory.EnumerateFiles(host.Originals, "*", SearchOption.AllDirectories).ShouldBeEmpty();
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        (await db.MediaItems.CountAsync(ViewsHost.Timeout)).ShouldBe(0);
        (await db.MediaItems.AnyAsync(i => i.Id == one.Id, ViewsHost.Timeout)).ShouldBeFalse();
    }

    [Fact]
    public async Task Trash_listing_splits_above_the_entry_limit_and_a_split_folder_can_be_emptied()
    {
        await using var host = await ViewsHost.StartAsync(maxFolderEntries: 2);
        await host.AddAsync("IMG_1.JPG", new DateTime(2018, 1, 1, 10, 0, 0));
        await host.AddAsync("IMG_2.JPG", new DateTime(2019, 2, 1, 10, 0, 0));
        await host.AddAsync("IMG_3.JPG", new DateTime(2019, 3, 1, 10, 0, 0));
        foreach (var name in new[] { "IMG_1.JPG", "IMG_2.JPG", "IMG_3.JPG" })
        {
            (await host.SendAsync("DELETE", "/Originals/" + name)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        (await host.ListAsync("/Trash/")).ShouldBe(["2018/", "2019/"]);
        (await host.ListAsync("/Trash/2019/")).ShouldBe(["2019-02-01 10.00.00 IMG_2.JPG", "2019-03-01 10.00.00 IMG_3.JPG"]);
        (await host.SendAsync("DELETE", "/Trash/2019/")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/Trash/")).ShouldBe(["2018-01-01 10.00.00 IMG_1.JPG"]);
    }

    [Fact]
    public async Task Expiry_deletes_what_was_trashed_longer_than_the_retention()
    {
        await using var host = await ViewsHost.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Views:TrashRetentionDays"] = "0.00002", ["Views:TrashSweepInterval"] = "00:00:00.200",
        });
        var item = await host.AddAsync("IMG_1.JPG", Taken);
        (await host.SendAsync("DELETE", "/Originals/IMG_1.JPG")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
            if (!await db.MediaItems.AnyAsync(i => i.Id == item.Id, ViewsHost.Timeout))
            {
                break;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the trashed item was never expired");
            await Task.Delay(100);
        }

        Directory.EnumerateFileSystemEntries(TrashDir(host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Repair_settles_every_interrupted_trash_state_so_each_file_exists_once()
    {
        await using var host = await ViewsHost.StartAsync();
        var store = host.App.Services.GetRequiredService<TrashStore>();
        var neverMoved = await host.AddAsync("a/never-moved.jpg", Taken);
        var midRestore = await host.AddAsync("a/mid-restore.jpg", Taken);
        var midPurge = await host.AddAsync("a/mid-purge.jpg", Taken);
        var midCopy = await host.AddAsync("a/mid-copy.jpg", Taken);
        await store.TrashAsync(midRestore.Id, ViewsHost.Timeout);
        await store.TrashAsync(midPurge.Id, ViewsHost.Timeout);
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            // Crash after the row said "trashed" but before the rename.
            var row = await db.MediaItems.SingleAsync(i => i.Id == neverMoved.Id, ViewsHost.Timeout);
            Directory.CreateDirectory(store.Folder(row.Id));
            await File.WriteAllTextAsync(Path.Combine(store.Folder(row.Id), TrashStore.OriginFile), row.RelativePath, ViewsHost.Timeout);
            row.RelativePath = store.TrashRelative(row.Id, "never-moved.jpg");
            row.TrashedAt = DateTimeOffset.UtcNow;

            // Crash after a restore committed the destination but before the rename.
            var restoring = await db.MediaItems.SingleAsync(i => i.Id == midRestore.Id, ViewsHost.Timeout);
            restoring.RelativePath = "a/mid-restore.jpg";

            // A cross-file-system move (copy + delete) killed mid-copy: a partial copy in the trash, the original intact.
            var copying = await db.MediaItems.SingleAsync(i => i.Id == midCopy.Id, ViewsHost.Timeout);
            Directory.CreateDirectory(store.Folder(copying.Id));
            await File.WriteAllTextAsync(Path.Combine(store.Folder(copying.Id), TrashStore.OriginFile), copying.RelativePath, ViewsHost.Timeout);
            await File.WriteAllTextAsync(Path.Combine(store.Folder(copying.Id), "mid-copy.jpg"), "part", ViewsHost.Timeout);
            copying.RelativePath = store.TrashRelative(copying.Id, "mid-copy.jpg");
            copying.TrashedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(ViewsHost.Timeout);
        }

        // Crash after a purge deleted the file but before the row; and a trash folder whose row is gone.
        File.Delete(Path.Combine(store.Folder(midPurge.Id), "mid-purge.jpg"));
        var orphan = Path.Combine(TrashDir(host), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(orphan);
        await File.WriteAllTextAsync(Path.Combine(orphan, "orphan.jpg"), "orphan bytes", ViewsHost.Timeout);
        await File.WriteAllTextAsync(Path.Combine(orphan, TrashStore.OriginFile), "b/orphan.jpg", ViewsHost.Timeout);

        (await host.App.Services.GetRequiredService<TrashRepair>().RepairAsync(ViewsHost.Timeout)).ShouldBe(5);

        File.Exists(Path.Combine(host.Originals, "a/never-moved.jpg")).ShouldBeTrue();
        File.Exists(Path.Combine(host.Originals, "a/mid-restore.jpg")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(host.Originals, "b/orphan.jpg")).ShouldBe("orphan bytes");
        (await host.ListAsync("/Trash/")).ShouldBe(["2019-06-21 12.00.00 mid-restore.jpg"]);
        (await host.ListAsync("/Timeline/2019/2019-06/")).Order(StringComparer.Ordinal)
            .ShouldBe(["2019-06-21 12.00.00 mid-copy.jpg", "2019-06-21 12.00.00 never-moved.jpg"]);
        File.ReadAllBytes(Path.Combine(host.Originals, "a/mid-copy.jpg")).Length.ShouldBe((int)midCopy.Size);
        using (var get = await host.SendAsync("GET", "/Trash/2019-06-21 12.00.00 mid-restore.jpg"))
        {
            get.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            (await db.MediaItems.AnyAsync(i => i.Id == midPurge.Id, ViewsHost.Timeout)).ShouldBeFalse();
        }

        Directory.EnumerateDirectories(TrashDir(host)).Select(Path.GetFileName).ShouldBe([midRestore.Id.ToString("N")]);
        (await host.App.Services.GetRequiredService<TrashRepair>().RepairAsync(ViewsHost.Timeout)).ShouldBe(0);
        Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(store.Folder(midRestore.Id), TrashStore.OriginFile)))
            .ShouldBe("a/mid-restore.jpg");
    }
}
