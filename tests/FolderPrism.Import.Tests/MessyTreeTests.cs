using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Indexing.Metadata;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Import.Tests;

/// <summary>
/// One messy source tree — camera originals, a Google Takeout export of the same photos (resized, recompressed,
/// stripped, JSON in several naming variants, an album), phone files dated only by name, exact copies and an edited
/// variant, a RAW+JPEG pair, a live photo, an mtime-only picture, broken files and a same-name clash — imported in both
/// orders: the library, the holding area, dates, rejections and albums must come out the same.
/// </summary>
public sealed class MessyTreeTests
{
    private const string Album = "Summer 2019";

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 0)]
    [InlineData(true, 8)] // many analyses in flight, finishing in any order: filing must not care
    [InlineData(false, 1)]
    public async Task Camera_takeout_and_phone_files_end_in_the_same_library_whichever_comes_first(bool takeoutFirst, int parallelism)
    {
        await using var f = await ImportFixture.CreateAsync(new() { ["Import:AnalysisParallelism"] = parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var tree = MessyTree.Make(f);
        string[] takeoutAndPhone = [tree.Takeout, tree.Phone];
        var first = await f.ImportAsync(paths: takeoutFirst ? takeoutAndPhone : [tree.Camera]);
        var second = await f.ImportAsync(paths: takeoutFirst ? [tree.Camera] : takeoutAndPhone);
        var entries = first.Entries.Concat(second.Entries).ToList();
        var report = string.Join("\n", entries);

        entries.Count.ShouldBe(tree.InputCount, report);
        entries.ShouldNotContain(e => e.Outcome == "failed", report);
        // Broken files are rejected as damaged and stay where they were (copy mode: sources untouched).
        string.Join(", ", entries.Where(e => e.Outcome == "rejected").Select(e => Path.GetFileName(e.Source)).Order(StringComparer.Ordinal))
            .ShouldBe("cut.jpg, empty.jpg", report);
        entries.Where(e => e.Outcome == "rejected").ShouldAllBe(e => e.Damaged && File.Exists(e.Source));

        // The library: each photo once, the camera original where there is one, by local capture month.
        var clash = f.LibraryFiles().Where(p => p.StartsWith("2019/05/IMG_5000", StringComparison.Ordinal)).ToList();
        clash.Count.ShouldBe(2, report);
        clash.ShouldContain("2019/05/IMG_5000.JPG");
        clash.Single(p => p != "2019/05/IMG_5000.JPG").ShouldMatch("^2019/05/IMG_5000_[0-9a-f]{8}\\.JPG$", "a stable suffix, nothing overwritten");
        f.LibraryFiles().Except(clash).ShouldBe(
        [
            // A Takeout JSON sits beside the photos whose kept version came from Takeout, and went with the Google
            // copies a camera original displaced, whichever came first.
            "2019/06/IMG_2001-edited.JPG", "2019/06/IMG_2001-edited.JPG.json", "2019/06/IMG_2001.JPG", "2019/06/IMG_2002.JPG",
            "2019/07/IMG_2003.JPG", "2019/08/IMG-20190815-WA0003.jpg", $"2019/08/{MessyTree.LongName}",
            $"2019/08/{MessyTree.LongName}.json", "2019/08/Screenshot_20190816-101112.png",
            "2019/09/IMG_0007.HEIC", "2019/09/IMG_0007.MOV", "2019/10/DSC_0042.JPG", "2019/10/DSC_0042.NEF", "2019/11/holiday.png",
        ], report);
        foreach (var (name, hash) in tree.CameraHashes)
        {
            var path = f.LibraryFiles().Single(p => p.EndsWith("/" + name, StringComparison.Ordinal));
            (await ContentHasher.ComputeAsync(f.Original(path), default)).ShouldBe(hash, $"{name} must be the camera original");
        }

        // The displaced Takeout versions wait in the holding area, each listed under the camera original it lost to.
        var held = Directory.GetFiles(Path.Combine(f.Library, ".duplicates"), "*", SearchOption.AllDirectories)
            .Where(h => !h.EndsWith(".json", StringComparison.Ordinal)); // a displaced Google copy keeps its Takeout JSON
        var heldHashes = new List<string>();
        foreach (var h in held)
        {
            heldHashes.Add(await ContentHasher.ComputeAsync(h, default));
        }

        heldHashes.ShouldBe(tree.TakeoutCopyHashes.Values, ignoreOrder: true);
        var items = (await f.ItemsAsync()).ToDictionary(i => i.RelativePath);
        items.Keys.Order(StringComparer.Ordinal).ToList().ShouldBe(
            f.LibraryFiles().Where(p => !p.EndsWith(".json", StringComparison.Ordinal)), "the index matches the disk");
        var displaced = await f.QueryAsync(db => db.DisplacedVersions.AsNoTracking().ToListAsync());
        displaced.Count.ShouldBe(3);
        foreach (var (name, hash) in tree.TakeoutCopyHashes)
        {
            var keeper = items.Values.Single(i => i.RelativePath.EndsWith("/" + name, StringComparison.Ordinal));
            displaced.ShouldContain(d => d.ContentHash == hash && d.KeptItemId == keeper.Id, $"Takeout copy of {name}");
        }

        // Exact copies (a backup folder, the album folder) are reported as duplicates of what was kept.
        entries.Single(e => e.Source.Contains("backup", StringComparison.Ordinal)).Outcome.ShouldBe("duplicate");
        entries.Where(e => e.Source.Contains(Album, StringComparison.Ordinal)).ShouldAllBe(e => e.Outcome == "duplicate");

        // Dates: camera EXIF wins over Takeout's; the rest from Takeout JSON and file names.
        AssertTaken(items["2019/06/IMG_2001.JPG"], new DateTime(2019, 6, 21, 12, 0, 0), DateSource.Exif);
        AssertTaken(items["2019/06/IMG_2002.JPG"], new DateTime(2019, 6, 21, 12, 5, 0), DateSource.Exif);
        AssertTaken(items["2019/07/IMG_2003.JPG"], new DateTime(2019, 7, 2, 9, 0, 0), DateSource.Exif);
        AssertTaken(items["2019/08/IMG-20190815-WA0003.jpg"], new DateTime(2019, 8, 15), DateSource.FileName, dateOnly: true);
        AssertTaken(items["2019/08/Screenshot_20190816-101112.png"], new DateTime(2019, 8, 16, 10, 11, 12), DateSource.FileName);
        AssertTaken(items[$"2019/08/{MessyTree.LongName}"], new DateTime(2019, 8, 20), DateSource.Takeout, dateOnly: true);
        items["2019/06/IMG_2001-edited.JPG"].TakenLocal!.Value.Date.ShouldBe(new DateTime(2019, 6, 21), "an edit is dated like its original");
        items["2019/06/IMG_2001.JPG"].Width.ShouldBe(1200);
        AssertTaken(items["2019/09/IMG_0007.HEIC"], new DateTime(2019, 9, 4, 18, 30, 12), DateSource.Exif);
        items["2019/09/IMG_0007.MOV"].TakenSource.ShouldBe(DateSource.Video);
        items["2019/09/IMG_0007.MOV"].Kind.ShouldBe(MediaKind.Video);
        AssertTaken(items["2019/10/DSC_0042.NEF"], new DateTime(2019, 10, 3, 4, 5, 6), DateSource.Exif);
        AssertTaken(items["2019/11/holiday.png"], new DateTime(2019, 11, 5), DateSource.FileTime, dateOnly: true);

        // The Takeout album now holds the camera originals, whichever version arrived first.
        var members = await f.QueryAsync(db => (
            from link in db.AlbumItems
            join item in db.MediaItems on link.ItemId equals item.Id
            where link.Album!.Name == Album
            select new { item.RelativePath, link.Source }).ToListAsync());
        members.Select(m => m.RelativePath).Order(StringComparer.Ordinal).ShouldBe(["2019/06/IMG_2001.JPG", "2019/06/IMG_2002.JPG"]);
        members.ShouldAllBe(m => m.Source == AssociationSource.Import, "the Takeout JSON is not in Originals: a re-analysis must not drop the link");
        (await f.QueryAsync(db => db.Albums.CountAsync())).ShouldBe(1);
    }

    private static void AssertTaken(MediaItem item, DateTime local, DateSource source, bool dateOnly = false)
    {
        item.TakenSource.ShouldBe(source, item.RelativePath);
        if (dateOnly)
        {
            item.TakenLocal!.Value.Date.ShouldBe(local, item.RelativePath);
        }
        else
        {
            item.TakenLocal.ShouldBe(local, item.RelativePath);
        }
    }
}
