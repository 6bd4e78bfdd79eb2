using System.Formats.Tar;
using System.IO.Compression;
using FolderPrism.Core.Media;

namespace FolderPrism.Import.Tests;

public sealed class CompanionAndSourceTests
{
    [Fact]
    public async Task Raw_jpeg_xmp_and_live_photo_pairs_land_together_under_a_common_base_name()
    {
        await using var f = await ImportFixture.CreateAsync();
        // A clash already in the library forces a renamed base; the companions must follow it.
        MediaMaker.CameraJpeg(f.Source("first/DSC_0042.JPG"), 30, "2016:02:03 09:00:00");
        await f.ImportAsync(paths: f.Source("first"));
        MediaMaker.Raw(f.Source("card/DSC_0042.NEF"), 31, "2016:02:03 04:05:06");
        MediaMaker.CameraJpeg(f.Source("card/DSC_0042.JPG"), 32, "2016:02:03 04:05:06", width: 300, height: 200);
        await File.WriteAllTextAsync(f.Source("card/DSC_0042.NEF.xmp"), Xmp(rating: 4));
        MediaMaker.Heic(f.Source("phone/IMG_0007.HEIC"), 33);
        MediaMaker.Exif(f.Source("phone/IMG_0007.HEIC"), "-DateTimeOriginal=2021:07:04 18:30:12");
        MediaMaker.Video(f.Source("phone/IMG_0007.MOV"), "2021-07-04T16:30:12Z");

        var result = await f.ImportAsync(paths: [f.Source("card"), f.Source("phone")]);

        result.Entries.ShouldAllBe(e => e.Outcome == "imported", string.Join("\n", result.Entries));
        var paths = result.Entries.ToDictionary(e => Path.GetFileName(e.Source), e => e.Path!);
        paths["DSC_0042.NEF"].ShouldMatch("^2016/02/DSC_0042_[0-9a-f]{8}\\.NEF$");
        var stem = paths["DSC_0042.NEF"][..^4];
        paths["DSC_0042.JPG"].ShouldBe(stem + ".JPG");
        paths["DSC_0042.NEF.xmp"].ShouldBe(stem + ".NEF.xmp");
        paths["IMG_0007.HEIC"].ShouldBe("2021/07/IMG_0007.HEIC");
        paths["IMG_0007.MOV"].ShouldBe("2021/07/IMG_0007.MOV");
        result.Entries.Single(e => e.Source.EndsWith(".MOV", StringComparison.Ordinal)).TakenAtSource.ShouldBe("video");

        var items = (await f.ItemsAsync()).ToDictionary(i => i.RelativePath);
        items.Count.ShouldBe(5, "XMP sidecars are not items");
        items[stem + ".NEF"].Rating.ShouldBe(4, "the sidecar travelled with its RAW and was read");
        items[stem + ".NEF"].Sidecars.ShouldHaveSingleItem().RelativePath.ShouldBe(stem + ".NEF.xmp");
        items["2021/07/IMG_0007.MOV"].Kind.ShouldBe(MediaKind.Video);
        items["2021/07/IMG_0007.HEIC"].PerceptualHash.ShouldNotBeNull();
    }

    [Fact]
    public async Task Takeout_zip_and_tgz_archives_are_read_directly_with_their_json()
    {
        await using var f = await ImportFixture.CreateAsync();
        var tree = Path.Combine(f.Root, "takeout-tree");
        MediaMaker.Image(Path.Combine(tree, "Takeout/Google Photos/Photos from 2014/IMG_1234.jpg"), 300, 200, 40);
        MediaMaker.Takeout(Path.Combine(tree, "Takeout/Google Photos/Photos from 2014/IMG_1234.jpg.json"), new DateTimeOffset(2014, 5, 6, 7, 8, 9, TimeSpan.Zero));
        MediaMaker.Image(Path.Combine(tree, "Takeout/Google Photos/Photos from 2013/PXL_20130101_101010123.jpg"), 300, 200, 41);
        var zip = Path.Combine(f.Root, "takeout-001.zip");
        ZipFile.CreateFromDirectory(tree, zip);
        var tree2 = Path.Combine(f.Root, "takeout-tree2");
        MediaMaker.Image(Path.Combine(tree2, "Takeout/Google Photos/Album/sunset.jpg"), 300, 200, 42);
        MediaMaker.Takeout(Path.Combine(tree2, "Takeout/Google Photos/Album/sunset.jpg.supplemental-metadata.json"), new DateTimeOffset(2012, 9, 1, 20, 0, 0, TimeSpan.Zero));
        var tgz = Path.Combine(f.Root, "takeout-002.tgz");
        await using (var output = File.Create(tgz))
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            await TarFile.CreateFromDirectoryAsync(tree2, gzip, includeBaseDirectory: false);
        }

        var result = await f.ImportAsync(move: true, paths: [zip, tgz]);

        result.Entries.Count.ShouldBe(3);
        result.Entries.ShouldAllBe(e => e.Outcome == "imported");
        var bySource = result.Entries.ToDictionary(e => e.Source);
        bySource[$"{zip}!/Takeout/Google Photos/Photos from 2014/IMG_1234.jpg"].Path.ShouldBe("2014/05/IMG_1234.jpg");
        bySource[$"{zip}!/Takeout/Google Photos/Photos from 2014/IMG_1234.jpg"].TakenAtSource.ShouldBe("takeout");
        bySource[$"{zip}!/Takeout/Google Photos/Photos from 2013/PXL_20130101_101010123.jpg"].TakenAtSource.ShouldBe("filename");
        bySource[$"{tgz}!/Takeout/Google Photos/Album/sunset.jpg"].Path.ShouldBe("2012/09/sunset.jpg");
        File.Exists(zip).ShouldBeTrue("archives are read, never deleted");
        File.Exists(tgz).ShouldBeTrue();
        Directory.Exists(Path.Combine(f.Data, "import-staging")).ShouldBeTrue();
        Directory.EnumerateFileSystemEntries(Path.Combine(f.Data, "import-staging")).ShouldBeEmpty("staging is cleaned up");
    }

    [Fact]
    public async Task Import_folder_batches_move_files_in_and_park_failures_with_a_reason()
    {
        await using var f = await ImportFixture.CreateAsync();
        var service = f.Services.GetRequiredServiceOf<FolderPrism.Indexing.Import.ImportFolderService>();
        var drop = Path.Combine(f.ImportFolder, "holiday");
        MediaMaker.CameraJpeg(Path.Combine(drop, "IMG_1.JPG"), 50, "2019:08:01 10:00:00");
        MediaMaker.Image(Path.Combine(drop, "Takeout/x.jpg"), 200, 100, 51);
        MediaMaker.Takeout(Path.Combine(drop, "Takeout/x.jpg.json"), new DateTimeOffset(2018, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await File.WriteAllTextAsync(Path.Combine(drop, "readme.txt"), "not a photo");
        MediaMaker.CameraJpeg(Path.Combine(f.ImportFolder, "loose.jpg"), 52, "2020:03:03 03:03:03");

        (await service.ScanOnceAsync(default)).ShouldBeEmpty("first sight of a source only starts its quiet period");
        var batches = await service.ScanOnceAsync(default);

        batches.Count.ShouldBe(2, "the subfolder and the loose files are separate sources");
        f.LibraryFiles().ShouldBe(["2018/01/x.jpg", "2018/01/x.jpg.json", "2019/08/IMG_1.JPG", "2020/03/loose.jpg"]);
        File.Exists(Path.Combine(f.ImportFolder, "_failed/holiday/readme.txt")).ShouldBeTrue();
        (await File.ReadAllTextAsync(Path.Combine(f.ImportFolder, "_failed/holiday/readme.txt.txt"))).ShouldContain("rejected");
        Directory.Exists(drop).ShouldBeFalse("emptied source folders are removed");
        var reports = Directory.GetFiles(Path.Combine(f.Data, "imports"), "report.jsonl", SearchOption.AllDirectories);
        reports.Length.ShouldBe(2);
        var lines = reports.SelectMany(FolderPrism.Indexing.Import.ImportReportWriter.Read).ToList();
        lines.Count.ShouldBe(4);
        Directory.GetFiles(Path.Combine(f.Data, "imports"), "x.jpg.json", SearchOption.AllDirectories).ShouldHaveSingleItem("consumed Takeout JSON is kept with the batch");
        (await service.ScanOnceAsync(default)).ShouldBeEmpty("_failed is never re-imported");
    }

    private static string Xmp(int rating) => $"""
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="{rating}"/>
        </rdf:RDF></x:xmpmeta>
        """;
}
