using System.Net;
using FolderPrism.Views.Trash;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Views.Tests;

/// <summary>A photo's own XMP sidecars travel with it: into Trash/, back on restore, away on purge, and on a rename.</summary>
public sealed class TrashSidecarTests
{
    private static readonly DateTime Taken = new(2019, 6, 21, 12, 0, 0);

    private static (string, string) Destination(ViewsHost host, string path) =>
        ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href(path)).ToString());

    private static string In(ViewsHost host, string relative) => Path.Combine(host.Originals, relative);

    [Fact]
    public async Task Trashed_photo_takes_its_sidecars_restore_brings_them_back_and_purge_deletes_them()
    {
        await using var host = await ViewsHost.StartAsync();
        var store = host.App.Services.GetRequiredService<TrashStore>();
        var single = await host.AddAsync("a/IMG_1.JPG", Taken);
        await File.WriteAllTextAsync(In(host, "a/IMG_1.JPG.xmp"), "own");
        await File.WriteAllTextAsync(In(host, "a/IMG_1.xmp"), "by stem");
        await File.WriteAllTextAsync(In(host, "a/IMG_1.JPG.json"), "takeout"); // import's copy of the Takeout JSON
        var pair = await host.AddAsync("a/RAW_2.JPG", Taken.AddMinutes(1));
        await host.AddAsync("a/RAW_2.DNG", Taken.AddMinutes(1));
        await File.WriteAllTextAsync(In(host, "a/RAW_2.JPG.xmp"), "jpeg's own");
        await File.WriteAllTextAsync(In(host, "a/RAW_2.xmp"), "shared by the RAW+JPEG pair");

        (await host.SendAsync("DELETE", "/Originals/a/IMG_1.JPG")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.SendAsync("DELETE", "/Originals/a/RAW_2.JPG")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        File.Exists(In(host, "a/IMG_1.JPG.xmp")).ShouldBeFalse();
        File.Exists(In(host, "a/IMG_1.xmp")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(store.Folder(single.Id), "IMG_1.JPG.xmp")).ShouldBe("own");
        File.ReadAllText(Path.Combine(store.Folder(single.Id), "IMG_1.xmp")).ShouldBe("by stem");
        File.Exists(In(host, "a/IMG_1.JPG.json")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(store.Folder(single.Id), "IMG_1.JPG.json")).ShouldBe("takeout");
        File.Exists(In(host, "a/RAW_2.JPG.xmp")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(store.Folder(pair.Id), "RAW_2.JPG.xmp")).ShouldBe("jpeg's own");
        File.ReadAllText(In(host, "a/RAW_2.xmp")).ShouldBe("shared by the RAW+JPEG pair"); // the DNG still needs it
        (await host.ListAsync("/Trash/")).Order(StringComparer.Ordinal)
            .ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG", "2019-06-21 12.01.00 RAW_2.JPG"]); // sidecars are not items

        (await host.SendAsync("MOVE", "/Trash/2019-06-21 12.00.00 IMG_1.JPG", Destination(host, "/Originals/a/IMG_1 back.JPG")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        File.ReadAllText(In(host, "a/IMG_1 back.JPG.xmp")).ShouldBe("own");
        File.ReadAllText(In(host, "a/IMG_1 back.xmp")).ShouldBe("by stem");
        File.ReadAllText(In(host, "a/IMG_1 back.JPG.json")).ShouldBe("takeout");
        Directory.Exists(store.Folder(single.Id)).ShouldBeFalse();

        (await host.SendAsync("DELETE", "/Trash/2019-06-21 12.01.00 RAW_2.JPG")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Directory.Exists(store.Folder(pair.Id)).ShouldBeFalse();
        File.Exists(In(host, "a/RAW_2.JPG.xmp")).ShouldBeFalse();
        File.ReadAllText(In(host, "a/RAW_2.xmp")).ShouldBe("shared by the RAW+JPEG pair");
    }

    [Fact]
    public async Task Renaming_a_photo_in_originals_moves_its_sidecars_and_leaves_a_pairs_shared_one()
    {
        await using var host = await ViewsHost.StartAsync();
        await host.AddAsync("a/IMG_1.JPG", Taken);
        await File.WriteAllTextAsync(In(host, "a/IMG_1.JPG.xmp"), "own");
        await File.WriteAllTextAsync(In(host, "a/IMG_1.XMP"), "by stem");
        await host.AddAsync("a/RAW_2.JPG", Taken.AddMinutes(1));
        await host.AddAsync("a/RAW_2.DNG", Taken.AddMinutes(1));
        await File.WriteAllTextAsync(In(host, "a/RAW_2.xmp"), "shared");
        Directory.CreateDirectory(In(host, "b"));

        (await host.SendAsync("MOVE", "/Originals/a/IMG_1.JPG", Destination(host, "/Originals/b/renamed.JPG")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("MOVE", "/Originals/a/RAW_2.JPG", Destination(host, "/Originals/b/RAW_2.JPG")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        File.ReadAllText(In(host, "b/renamed.JPG.xmp")).ShouldBe("own");
        File.ReadAllText(In(host, "b/renamed.XMP")).ShouldBe("by stem");
        File.Exists(In(host, "a/IMG_1.JPG.xmp")).ShouldBeFalse();
        File.Exists(In(host, "a/IMG_1.XMP")).ShouldBeFalse();
        File.ReadAllText(In(host, "a/RAW_2.xmp")).ShouldBe("shared");
        File.Exists(In(host, "b/RAW_2.xmp")).ShouldBeFalse();
    }

    [Fact]
    public async Task Repair_reunites_sidecars_with_their_photo_after_a_crash_between_the_renames()
    {
        await using var host = await ViewsHost.StartAsync();
        var store = host.App.Services.GetRequiredService<TrashStore>();
        var trashing = await host.AddAsync("a/trashing.jpg", Taken);
        var restoring = await host.AddAsync("a/restoring.jpg", Taken.AddMinutes(1));
        await File.WriteAllTextAsync(In(host, "a/trashing.jpg.xmp"), "t");
        await File.WriteAllTextAsync(In(host, "a/restoring.jpg.xmp"), "r");
        await store.TrashAsync(trashing.Id, ViewsHost.Timeout);
        await store.TrashAsync(restoring.Id, ViewsHost.Timeout);

        // Killed after the photo went to the trash but before its sidecar did.
        File.Move(Path.Combine(store.Folder(trashing.Id), "trashing.jpg.xmp"), In(host, "a/trashing.jpg.xmp"));
        // Killed after a restore renamed the photo back (row already pointing there) but before its sidecar followed.
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            var row = db.MediaItems.Single(i => i.Id == restoring.Id);
            row.RelativePath = "a/restoring.jpg";
            await db.SaveChangesAsync(ViewsHost.Timeout);
        }

        File.Move(Path.Combine(store.Folder(restoring.Id), "restoring.jpg"), In(host, "a/restoring.jpg"));

        (await host.App.Services.GetRequiredService<TrashRepair>().RepairAsync(ViewsHost.Timeout)).ShouldBe(2);

        File.Exists(In(host, "a/trashing.jpg.xmp")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(store.Folder(trashing.Id), "trashing.jpg.xmp")).ShouldBe("t");
        File.ReadAllText(In(host, "a/restoring.jpg.xmp")).ShouldBe("r");
        Directory.Exists(store.Folder(restoring.Id)).ShouldBeFalse();
        (await host.ListAsync("/Trash/")).ShouldBe(["2019-06-21 12.00.00 trashing.jpg"]);
    }
}
