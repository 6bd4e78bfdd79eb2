using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Tests.Media;

public sealed class SidecarAndDateSourceTests : IDisposable
{
    private const string TakeoutJson = """
        {
          "title": "IMG_1234.jpg",
          "description": "From Google Photos",
          "photoTakenTime": { "timestamp": "1596238200", "formatted": "31 Jul 2020, 23:30:00 UTC" },
          "geoData": { "latitude": 52.52, "longitude": 13.405, "altitude": 34.0 }
        }
        """;

    private readonly MediaWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private static string Xmp(string inner) => $"""
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" {inner}
        </rdf:RDF></x:xmpmeta>
        """;

    [Fact]
    public async Task Xmp_sidecars_override_the_file_and_the_specific_one_wins()
    {
        var photo = ws.Scene("album/photo.jpg", 320, 240, 10);
        ws.Exif(photo, "-Rating=1", "-ImageDescription=from file", "-DateTimeOriginal=2019:01:01 10:00:00");
        File.WriteAllText(ws.PathOf("album/photo.xmp"), Xmp("""xmp:Rating="3" exif:DateTimeOriginal="2018-05-05T12:00:00+02:00"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">generic sidecar</rdf:li></rdf:Alt></dc:description></rdf:Description>"""));
        File.WriteAllText(ws.PathOf("album/photo.jpg.xmp"), Xmp("""xmp:Rating="5"><dc:subject><rdf:Bag><rdf:li>holiday</rdf:li></rdf:Bag></dc:subject></rdf:Description>"""));

        var a = await ws.Analyzer().AnalyzeAsync(photo, CancellationToken.None);

        a.Rating.ShouldBe(5);
        a.Description.ShouldBe("generic sidecar");
        a.Keywords.ShouldBe(["holiday"]);
        a.Sidecars.Count.ShouldBe(2);
        a.TakenAt!.Source.ShouldBe(DateSource.Exif); // EXIF still beats an XMP date
    }

    [Fact]
    public async Task Xmp_date_is_used_without_exif()
    {
        var photo = ws.Scene("scan.png", 100, 100, 11);
        File.WriteAllText(ws.PathOf("scan.xmp"), Xmp("""photoshop:DateCreated="1987-06-05T04:03:02-03:00"/>"""));

        var a = await ws.Analyzer().AnalyzeAsync(photo, CancellationToken.None);

        a.TakenAt!.Source.ShouldBe(DateSource.Xmp);
        a.TakenAt.Local.ShouldBe(new DateTime(1987, 6, 5, 4, 3, 2));
        a.TakenAt.Offset.ShouldBe(TimeSpan.FromHours(-3));
    }

    [Theory]
    [InlineData("IMG_1234.jpg", "IMG_1234.jpg.json")]
    [InlineData("IMG_1234.jpg", "IMG_1234.jpg.supplemental-metadata.json")]
    [InlineData("IMG_1234.jpg", "IMG_1234.jpg.supplemental-meta.json")]
    [InlineData("IMG_1234.jpg", "IMG_1234.jpg.suppl.json")]
    [InlineData("IMG_1234(1).jpg", "IMG_1234.jpg(1).json")]
    [InlineData("IMG_1234(1).jpg", "IMG_1234.jpg.supplemental-metadata(1).json")]
    [InlineData("IMG_1234-edited.jpg", "IMG_1234.jpg.json")]
    [InlineData("Screenshot_20200101-101010_Some_Very_Long_Application_Name.jpg", "Screenshot_20200101-101010_Some_Very_Long_Appl.json")]
    [InlineData("Screenshot_20200101-101010_Some_Very_Long_Application_Name.jpg", "Screenshot_20200101-101010_Some_Very_Long_Appli.json")]
    [InlineData("PXL_20200731_233000000.NIGHT.jpg", "PXL_20200731_233000000.NIGHT.jpg.supplemental-.json")]
    public async Task Takeout_sidecar_is_found_in_every_naming_variant(string media, string json)
    {
        var photo = ws.Scene("Takeout/Photos from 2020/" + media, 160, 120, 12);
        File.WriteAllText(ws.PathOf("Takeout/Photos from 2020/" + json), TakeoutJson);

        var a = await ws.Analyzer().AnalyzeAsync(photo, CancellationToken.None);

        a.TakenAt!.Source.ShouldBe(DateSource.Takeout);
        a.TakenAt.UtcOrLocal.ShouldBe(new DateTime(2020, 7, 31, 23, 30, 0, DateTimeKind.Utc));
        a.Location!.Latitude.ShouldBe(52.52, 1e-9);
        a.Description.ShouldBe("From Google Photos");
        a.Title.ShouldBeNull(); // Takeout's title is only the file name
        a.Sidecars.ShouldContain(s => s.EndsWith(json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Takeout_album_title_zero_geo_and_configured_zone()
    {
        var photo = ws.Scene("Takeout/Summer trip/IMG_1.jpg", 160, 120, 13);
        File.WriteAllText(ws.PathOf("Takeout/Summer trip/metadata.json"), """{ "title": "Summer trip", "description": "" }""");
        File.WriteAllText(ws.PathOf("Takeout/Summer trip/IMG_1.jpg.json"), """
            { "title": "IMG_1.jpg", "photoTakenTime": { "timestamp": "1596238200" }, "geoData": { "latitude": 0.0, "longitude": 0.0, "altitude": 0.0 } }
            """);

        var a = await ws.Analyzer("Europe/Berlin").AnalyzeAsync(photo, CancellationToken.None);

        a.Albums.ShouldBe(["Summer trip"]);
        a.Location.ShouldBeNull();
        a.TakenAt!.Local.ShouldBe(new DateTime(2020, 8, 1, 1, 30, 0)); // 23:30 UTC is 01:30 in Berlin (CEST)
        a.TakenAt.Offset.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task Takeout_favorited_is_a_five_star_rating_and_an_unfavourited_photo_keeps_none()
    {
        var favourite = ws.Scene("Takeout/Photos from 2020/IMG_1.jpg", 160, 120, 13);
        File.WriteAllText(ws.PathOf("Takeout/Photos from 2020/IMG_1.jpg.json"), """
            { "title": "IMG_1.jpg", "photoTakenTime": { "timestamp": "1596238200" }, "favorited": true }
            """);
        var plain = ws.Scene("Takeout/Photos from 2020/IMG_2.jpg", 160, 120, 14);
        File.WriteAllText(ws.PathOf("Takeout/Photos from 2020/IMG_2.jpg.json"), """
            { "title": "IMG_2.jpg", "photoTakenTime": { "timestamp": "1596238200" }, "favorited": false }
            """);

        (await ws.Analyzer().AnalyzeAsync(favourite, CancellationToken.None)).Rating.ShouldBe(5);
        (await ws.Analyzer().AnalyzeAsync(plain, CancellationToken.None)).Rating.ShouldBeNull();
    }

    [Fact]
    public async Task Takeout_never_beats_the_files_own_exif_date_but_uses_its_offset()
    {
        var photo = ws.Scene("t/IMG_2.jpg", 160, 120, 14);
        ws.Exif(photo, "-OffsetTimeOriginal=+09:00");
        File.WriteAllText(ws.PathOf("t/IMG_2.jpg.json"), TakeoutJson);

        var a = await ws.Analyzer().AnalyzeAsync(photo, CancellationToken.None);

        a.TakenAt!.Source.ShouldBe(DateSource.Takeout);
        a.TakenAt.Local.ShouldBe(new DateTime(2020, 8, 1, 8, 30, 0));

        ws.Exif(photo, "-DateTimeOriginal=2011:11:11 11:11:11");
        (await ws.Analyzer().AnalyzeAsync(photo, CancellationToken.None)).TakenAt!.Source.ShouldBe(DateSource.Exif);
    }

    [Theory]
    [InlineData("IMG_20190312_142301.jpg", "2019-03-12T14:23:01", DateConfidence.Medium)]
    [InlineData("IMG-20180505-WA0003.jpg", "2018-05-05T00:00:00", DateConfidence.Low)]
    [InlineData("2017-05-20 14.23.01.jpg", "2017-05-20T14:23:01", DateConfidence.Medium)]
    public async Task File_name_dates_beat_file_time(string name, string expected, DateConfidence confidence)
    {
        var photo = ws.Scene(name, 100, 80, 15);

        var a = await ws.Analyzer().AnalyzeAsync(photo, CancellationToken.None);

        a.TakenAt!.Source.ShouldBe(DateSource.FileName);
        a.TakenAt.Local.ShouldBe(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        a.TakenAt.Confidence.ShouldBe(confidence);
    }

    [Fact]
    public async Task File_time_is_the_last_resort_with_low_confidence()
    {
        var photo = ws.Scene("DSC_0042.jpg", 100, 80, 16);
        var mtime = new DateTime(2012, 12, 12, 12, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(photo, mtime);

        var a = await ws.Analyzer().AnalyzeAsync(photo, CancellationToken.None);

        a.TakenAt!.Source.ShouldBe(DateSource.FileTime);
        a.TakenAt.Confidence.ShouldBe(DateConfidence.Low);
        a.TakenAt.UtcOrLocal.ShouldBe(mtime);
        a.ModifiedUtc.ShouldBe(mtime);
    }

    [Fact]
    public async Task Malformed_sidecars_are_ignored_not_fatal()
    {
        var photo = ws.Scene("bad/IMG_20190312_142301.jpg", 100, 80, 17);
        File.WriteAllText(ws.PathOf("bad/IMG_20190312_142301.jpg.xmp"), "<x:xmpmeta><not closed");
        File.WriteAllText(ws.PathOf("bad/IMG_20190312_142301.jpg.json"), "{ nope");

        var a = await ws.Analyzer().AnalyzeAsync(photo, CancellationToken.None);

        a.IsDamaged.ShouldBeFalse();
        a.TakenAt!.Source.ShouldBe(DateSource.FileName);
        a.Sidecars.ShouldBeEmpty();
    }
}
