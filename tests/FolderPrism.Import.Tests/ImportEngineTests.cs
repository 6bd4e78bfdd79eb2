using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Indexing.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Import.Tests;

public sealed class ImportEngineTests
{
    [Fact]
    public async Task Camera_photo_is_copied_by_local_capture_month_verified_and_indexed()
    {
        await using var f = await ImportFixture.CreateAsync();
        // 23:30 local on 30 June at +02:00 is already July in UTC: the local month files it.
        var source = MediaMaker.CameraJpeg(f.Source("card/DCIM/IMG_1005.JPG"), 1, "2019:06:30 23:30:00", "+02:00");
        var bytes = await File.ReadAllBytesAsync(source);

        var result = await f.ImportAsync();

        var entry = result.Entries.ShouldHaveSingleItem();
        entry.Outcome.ShouldBe("imported");
        entry.Path.ShouldBe("2019/06/IMG_1005.JPG");
        entry.TakenAt.ShouldBe("2019-06-30T23:30:00+02:00");
        entry.TakenAtSource.ShouldBe("exif");
        entry.Damaged.ShouldBeFalse();
        (await File.ReadAllBytesAsync(f.Original("2019/06/IMG_1005.JPG"))).ShouldBe(bytes);
        File.Exists(source).ShouldBeTrue("copy mode leaves the source alone");
        File.GetLastWriteTimeUtc(f.Original("2019/06/IMG_1005.JPG")).ShouldBe(File.GetLastWriteTimeUtc(source));
        f.LibraryFiles().ShouldBe(["2019/06/IMG_1005.JPG"]);

        var item = (await f.ItemsAsync()).ShouldHaveSingleItem();
        item.RelativePath.ShouldBe("2019/06/IMG_1005.JPG");
        item.AnalyzedAt.ShouldNotBeNull();
        item.TakenSource.ShouldBe(DateSource.Exif);
        item.Make.ShouldBe("Canon");
        (await f.QueryAsync(db => db.IndexJobs.CountAsync(j => j.Kind == JobKind.Analyze))).ShouldBe(0, "analysed by import already");
        (await f.QueryAsync(db => db.ImportJournal.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Exact_copies_in_other_folders_and_in_the_library_are_duplicates()
    {
        await using var f = await ImportFixture.CreateAsync();
        var a = MediaMaker.CameraJpeg(f.Source("a/IMG_1.JPG"), 2, "2020:01:02 03:04:05");
        Directory.CreateDirectory(f.Source("b"));
        File.Copy(a, f.Source("b/copy of IMG_1.JPG"));

        var first = await f.ImportAsync();
        first.Entries.Count(e => e.Outcome == "imported").ShouldBe(1);
        var dup = first.Entries.Single(e => e.Outcome == "duplicate");
        dup.DuplicateOf.ShouldBe("2020/01/IMG_1.JPG");

        var again = await f.ImportAsync();
        again.Entries.ShouldAllBe(e => e.Outcome == "duplicate" && e.DuplicateOf == "2020/01/IMG_1.JPG");
        f.LibraryFiles().ShouldBe(["2020/01/IMG_1.JPG"]);
    }

    [Fact]
    public async Task Same_name_clash_gets_a_stable_hash_suffix_and_nothing_is_overwritten()
    {
        await using var f = await ImportFixture.CreateAsync();
        MediaMaker.CameraJpeg(f.Source("x/DSC_0001.JPG"), 3, "2018:05:05 10:00:00");
        MediaMaker.CameraJpeg(f.Source("y/DSC_0001.JPG"), 4, "2018:05:06 10:00:00");

        var result = await f.ImportAsync();

        var paths = result.Entries.Select(e => e.Path!).Order(StringComparer.Ordinal).ToList();
        paths[0].ShouldBe("2018/05/DSC_0001.JPG");
        paths[1].ShouldMatch("^2018/05/DSC_0001_[0-9a-f]{8}\\.JPG$");
        var items = await f.ItemsAsync();
        var suffixed = items.Single(i => i.RelativePath == paths[1]);
        paths[1].ShouldContain(suffixed.ContentHash![..8]);
        f.LibraryFiles().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Dates_come_from_takeout_json_file_name_and_mtime_when_exif_is_missing()
    {
        await using var f = await ImportFixture.CreateAsync();
        var takeout = MediaMaker.Image(f.Source("Takeout/Google Photos/Trip/beach.jpg"), 300, 200, 5);
        MediaMaker.Takeout(f.Source("Takeout/Google Photos/Trip/beach.jpg.supplemental-metadata.json"), new DateTimeOffset(2016, 8, 14, 9, 30, 0, TimeSpan.Zero));
        MediaMaker.Image(f.Source("phone/IMG_20170312_142301.jpg"), 300, 200, 6);
        var plain = MediaMaker.Image(f.Source("old/scan.png"), 300, 200, 7);
        MediaMaker.SetMtime(plain, new DateTime(2015, 3, 10, 12, 0, 0, DateTimeKind.Utc));

        var result = await f.ImportAsync();

        var bySource = result.Entries.ToDictionary(e => Path.GetFileName(e.Source));
        bySource["beach.jpg"].Path.ShouldBe("2016/08/beach.jpg");
        bySource["beach.jpg"].TakenAtSource.ShouldBe("takeout");
        bySource["IMG_20170312_142301.jpg"].Path.ShouldBe("2017/03/IMG_20170312_142301.jpg");
        bySource["IMG_20170312_142301.jpg"].TakenAtSource.ShouldBe("filename");
        bySource["scan.png"].Path.ShouldBe("2015/03/scan.png");
        bySource["scan.png"].TakenAtSource.ShouldBe("mtime");
        result.Entries.ShouldNotContain(e => e.Source.EndsWith(".json", StringComparison.Ordinal), "Takeout JSON is metadata, not an input");
        // The JSON is copied beside the photo (the source keeps its own), so a later re-read of the photo still has it.
        f.LibraryFiles().Where(p => p.EndsWith(".json", StringComparison.Ordinal)).ShouldBe(["2016/08/beach.jpg.json"]);
        File.Exists(takeout).ShouldBeTrue();
        File.Exists(f.Source("Takeout/Google Photos/Trip/beach.jpg.supplemental-metadata.json")).ShouldBeTrue();

        var beach = (await f.ItemsAsync()).Single(i => i.RelativePath == "2016/08/beach.jpg");
        beach.TakenSource.ShouldBe(DateSource.Takeout);
        beach.TakenLocal.ShouldBe(new DateTime(2016, 8, 14, 9, 30, 0));
        beach.Latitude!.Value.ShouldBe(48.8584, 0.0001);

        // A re-read from the library alone (a touched file, a rebuilt index) gives the same date and place.
        File.SetLastWriteTimeUtc(f.Original("2016/08/beach.jpg"), DateTime.UtcNow);
        var again = await f.Services.GetRequiredService<IMediaAnalyzer>().AnalyzeAsync(f.Original("2016/08/beach.jpg"), CancellationToken.None);
        again.TakenAt!.Source.ShouldBe(DateSource.Takeout);
        again.TakenAt.Local.ShouldBe(new DateTime(2016, 8, 14, 9, 30, 0));
        again.Location!.Latitude.ShouldBe(48.8584, 0.0001);
    }

    [Fact]
    public async Task Broken_empty_and_non_media_files_are_rejected_and_stay_in_place_with_move()
    {
        await using var f = await ImportFixture.CreateAsync();
        var empty = f.Source("bad/empty.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(empty)!);
        await File.WriteAllBytesAsync(empty, []);
        var whole = MediaMaker.CameraJpeg(f.Source("bad/truncated.jpg"), 8, "2021:01:01 00:00:00");
        var bytes = await File.ReadAllBytesAsync(whole);
        await File.WriteAllBytesAsync(whole, bytes[..(bytes.Length / 2)]);
        var text = f.Source("bad/notes.txt");
        await File.WriteAllTextAsync(text, "hello");

        var result = await f.ImportAsync(move: true);

        result.Entries.Count.ShouldBe(3);
        result.Entries.ShouldAllBe(e => e.Outcome == "rejected" && e.Path == null && e.Message != null);
        result.Entries.Single(e => e.Source.EndsWith("empty.jpg", StringComparison.Ordinal)).Damaged.ShouldBeTrue();
        var truncated = result.Entries.Single(e => e.Source.EndsWith("truncated.jpg", StringComparison.Ordinal));
        truncated.Damaged.ShouldBeTrue();
        truncated.Message.ShouldNotBeNull().ShouldContain("Premature end");
        File.Exists(empty).ShouldBeTrue();
        File.Exists(whole).ShouldBeTrue();
        File.Exists(text).ShouldBeTrue();
        f.LibraryFiles().ShouldBeEmpty();
        (await f.ItemsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Move_removes_sources_only_once_the_file_is_in_originals()
    {
        await using var f = await ImportFixture.CreateAsync();
        var sources = Enumerable.Range(0, 5)
            .Select(i => MediaMaker.CameraJpeg(f.Source($"dump/P{i}.JPG"), 20 + i, $"2022:0{i + 1}:15 08:00:00")).ToList();
        var hashes = new List<string>();
        foreach (var s in sources)
        {
            hashes.Add(await FolderPrism.Indexing.Metadata.ContentHasher.ComputeAsync(s, default));
        }

        var result = await f.ImportAsync(move: true);

        result.Entries.ShouldAllBe(e => e.Outcome == "imported");
        sources.ShouldAllBe(s => !File.Exists(s));
        f.LibraryFiles().ShouldBe(Enumerable.Range(0, 5).Select(i => $"2022/0{i + 1}/P{i}.JPG").ToList());
        var items = await f.ItemsAsync();
        items.Select(i => i.ContentHash).Order().ShouldBe(hashes.Order());
    }

    [Fact]
    public async Task Dry_run_reports_the_plan_and_touches_nothing()
    {
        await using var f = await ImportFixture.CreateAsync();
        var source = MediaMaker.CameraJpeg(f.Source("IMG_7.JPG"), 9, "2012:12:12 12:12:12");

        var result = await f.ImportAsync(move: true, dryRun: true);

        result.Entries.ShouldHaveSingleItem().Path.ShouldBe("2012/12/IMG_7.JPG");
        File.Exists(source).ShouldBeTrue();
        f.LibraryFiles().ShouldBeEmpty();
        (await f.ItemsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pattern_tokens_for_camera_and_short_hash()
    {
        await using var f = await ImportFixture.CreateAsync(new() { ["Import:Pattern"] = "{camera}/{yyyy}-{MM}-{dd}/{hash}-{name}" });
        MediaMaker.CameraJpeg(f.Source("IMG_9.JPG"), 10, "2011:11:11 11:11:11");

        var result = await f.ImportAsync();

        var item = (await f.ItemsAsync()).ShouldHaveSingleItem();
        result.Entries.ShouldHaveSingleItem().Path.ShouldBe($"Canon Canon EOS 80D/2011-11-11/{item.ContentHash![..8]}-IMG_9.JPG");
    }
}
