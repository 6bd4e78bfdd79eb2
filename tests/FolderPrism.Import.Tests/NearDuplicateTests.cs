using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Import.Tests;

/// <summary>Google-style lesser copies (downscaled, recompressed, stripped, Takeout JSON) against camera originals, both orders.</summary>
public sealed class NearDuplicateTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_camera_original_wins_whichever_arrives_first_and_the_takeout_copy_is_held(bool takeoutFirst)
    {
        await using var f = await ImportFixture.CreateAsync();
        var camera = MakeCameraCard(f);
        var takeout = MakeTakeout(f, camera);
        var cameraHashes = await HashesAsync(Directory.GetFiles(f.Source("card"), "*", SearchOption.AllDirectories));

        var first = await f.ImportAsync(paths: takeoutFirst ? takeout : f.Source("card"));
        if (takeoutFirst)
        {
            // The user organised the Takeout version before the original arrived: that must survive the takeover.
            var item = (await f.ItemsAsync()).Single(i => i.RelativePath == "2019/06/IMG_1005.JPG");
            await TagAsync(f, item.Id, "holiday");
        }

        var second = await f.ImportAsync(paths: takeoutFirst ? f.Source("card") : takeout);
        var entries = first.Entries.Concat(second.Entries).ToList();

        // The library: the camera originals under their own names, the edited variant separate, dated like its original.
        var library = f.LibraryFiles();
        library.ShouldContain("2019/06/IMG_1005.JPG");
        library.ShouldContain("2019/06/IMG_1006.JPG");
        library.ShouldContain("2019/06/IMG_1005-edited.JPG");
        library.ShouldContain("2019/06/IMG_1005-edited.JPG.json"); // kept from Takeout: its JSON beside it
        library.Count.ShouldBe(4, string.Join(", ", library));
        (await HashesAsync(new[] { "2019/06/IMG_1005.JPG", "2019/06/IMG_1006.JPG" }.Select(f.Original))).ShouldBe(cameraHashes, ignoreOrder: true);

        var held = Directory.GetFiles(Path.Combine(f.Library, ".duplicates"), "*", SearchOption.AllDirectories)
            .Where(h => !h.EndsWith(".json", StringComparison.Ordinal)).ToList();
        held.Count.ShouldBe(2, "both Takeout copies are kept in the holding area");
        var items = await f.ItemsAsync();
        items.Count.ShouldBe(3);
        var original = items.Single(i => i.RelativePath == "2019/06/IMG_1005.JPG");
        original.TakenSource.ShouldBe(DateSource.Exif);
        original.Width.ShouldBe(1200);
        var displaced = await f.QueryAsync(db => db.DisplacedVersions.AsNoTracking().ToListAsync());
        displaced.Count.ShouldBe(2);
        displaced.ShouldContain(d => d.KeptItemId == original.Id && d.Width == 600);
        if (takeoutFirst)
        {
            (await f.QueryAsync(db => db.ItemTags.Where(t => t.ItemId == original.Id).Select(t => t.Tag!.Name).ToListAsync()))
                .ShouldContain("holiday");
            entries.ShouldContain(e => e.Outcome == "imported" && e.Path == "2019/06/IMG_1005.JPG" && e.Message != null && e.Message.StartsWith("Better version", StringComparison.Ordinal));
        }
        else
        {
            entries.Count(e => e.Outcome == "duplicate" && e.DuplicateOf == "2019/06/IMG_1005.JPG").ShouldBe(1);
        }

        var edited = items.Single(i => i.RelativePath == "2019/06/IMG_1005-edited.JPG");
        edited.TakenLocal!.Value.Date.ShouldBe(new DateTime(2019, 6, 21));
    }

    private static string MakeCameraCard(ImportFixture f)
    {
        MediaMaker.CameraJpeg(f.Source("card/DCIM/IMG_1005.JPG"), 70, "2019:06:21 12:00:00", "+02:00", 1200, 900);
        MediaMaker.CameraJpeg(f.Source("card/DCIM/IMG_1006.JPG"), 71, "2019:06:21 12:05:00", "+02:00", 1200, 900);
        return f.Source("card/DCIM/IMG_1005.JPG");
    }

    /// <summary>What Google Photos hands back: downscaled, recompressed, stripped copies with JSON; plus an edit that really differs.</summary>
    private static string MakeTakeout(ImportFixture f, string cameraFile)
    {
        var folder = f.Source("Takeout/Google Photos/Photos from 2019");
        Directory.CreateDirectory(folder);
        var when = new DateTimeOffset(2019, 6, 21, 10, 0, 0, TimeSpan.Zero);
        MediaMaker.Run("convert", cameraFile, "-resize", "600x450", "-quality", "60", "-strip", Path.Combine(folder, "IMG_1005.JPG"));
        MediaMaker.Takeout(Path.Combine(folder, "IMG_1005.JPG.supplemental-metadata.json"), when);
        MediaMaker.Run("convert", Path.Combine(Path.GetDirectoryName(cameraFile)!, "IMG_1006.JPG"), "-resize", "600x450", "-quality", "55", "-strip", Path.Combine(folder, "IMG_1006.JPG"));
        MediaMaker.Takeout(Path.Combine(folder, "IMG_1006.JPG.json"), when.AddMinutes(5));
        // The edit: flipped and recoloured — a different picture; Takeout names it -edited and gives it no JSON of its own.
        MediaMaker.Run("convert", cameraFile, "-resize", "600x450", "-flop", "-modulate", "100,20,100", "-strip", Path.Combine(folder, "IMG_1005-edited.JPG"));
        return folder;
    }

    private static async Task TagAsync(ImportFixture f, Guid itemId, string name)
    {
        await f.QueryAsync(async db =>
        {
            var tag = new Tag { Name = name, FullPath = name, CreatedAt = DateTimeOffset.UtcNow };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            db.ItemTags.Add(new ItemTag { ItemId = itemId, TagId = tag.Id, Source = AssociationSource.User, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
    }

    private static async Task<List<string>> HashesAsync(IEnumerable<string> paths)
    {
        var list = new List<string>();
        foreach (var p in paths)
        {
            list.Add(await FolderPrism.Indexing.Metadata.ContentHasher.ComputeAsync(p, default));
        }

        return list;
    }
}
