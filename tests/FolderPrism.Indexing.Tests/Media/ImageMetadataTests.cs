using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Tests.Media;

public sealed class ImageMetadataTests : IDisposable
{
    private readonly MediaWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task Exif_date_keeps_subseconds_and_offset_and_camera_fields_are_read()
    {
        var path = ws.Scene("DSC_0001.jpg", 640, 480, 1);
        ws.Exif(path,
            "-DateTimeOriginal=2019:03:12 14:23:01", "-SubSecTimeOriginal=25", "-OffsetTimeOriginal=+01:00",
            "-CreateDate=2000:01:01 00:00:00", "-Make=Canon", "-Model=EOS 5D", "-LensModel=EF 50mm f/1.8",
            "-ISO=400", "-ExposureTime=1/125", "-FNumber=2.8", "-FocalLength=50", "-Rating=4",
            "-GPSLatitude=48.8577", "-GPSLatitudeRef=N", "-GPSLongitude=2.2950", "-GPSLongitudeRef=E",
            "-GPSAltitude=35", "-GPSAltitudeRef=0", "-ImageDescription=Eiffel tower", "-IPTC:Keywords=paris",
            "-IPTC:Keywords=tower", "-IPTC:ObjectName=Trip");

        var a = await ws.Analyzer().AnalyzeAsync(path, CancellationToken.None);

        a.IsDamaged.ShouldBeFalse(a.DamageReason);
        a.Kind.ShouldBe(MediaKind.Image);
        a.MimeType.ShouldBe("image/jpeg");
        a.ContentHash.Length.ShouldBe(32);
        a.TakenAt.ShouldNotBeNull();
        a.TakenAt.Source.ShouldBe(DateSource.Exif);
        a.TakenAt.Confidence.ShouldBe(DateConfidence.High);
        a.TakenAt.Local.ShouldBe(new DateTime(2019, 3, 12, 14, 23, 1, 250));
        a.TakenAt.Offset.ShouldBe(TimeSpan.FromHours(1));
        (a.Width, a.Height).ShouldBe((640, 480));
        a.Make.ShouldBe("Canon");
        a.Model.ShouldBe("EOS 5D");
        a.Lens.ShouldBe("EF 50mm f/1.8");
        a.Iso.ShouldBe(400);
        a.ExposureTime!.Value.ShouldBe(1.0 / 125, 1e-9);
        a.FNumber!.Value.ShouldBe(2.8, 1e-6);
        a.FocalLength!.Value.ShouldBe(50, 1e-6);
        a.Rating.ShouldBe(4);
        a.Location.ShouldNotBeNull();
        a.Location.Latitude.ShouldBe(48.8577, 1e-4);
        a.Location.Longitude.ShouldBe(2.2950, 1e-4);
        a.Location.Altitude!.Value.ShouldBe(35, 1e-6);
        a.Description.ShouldBe("Eiffel tower");
        a.Title.ShouldBe("Trip");
        a.Keywords.ShouldBe(["paris", "tower"]);
    }

    [Fact]
    public async Task CreateDate_is_used_when_DateTimeOriginal_is_missing()
    {
        var path = ws.Scene("x.jpg", 320, 240, 2);
        ws.Exif(path, "-DateTimeOriginal=", "-CreateDate=2015:06:07 08:09:10", "-OffsetTimeDigitized=-05:00");

        var a = await ws.Analyzer().AnalyzeAsync(path, CancellationToken.None);

        a.TakenAt!.Source.ShouldBe(DateSource.Exif);
        a.TakenAt.Local.ShouldBe(new DateTime(2015, 6, 7, 8, 9, 10));
        a.TakenAt.Offset.ShouldBe(TimeSpan.FromHours(-5));
    }

    [Fact]
    public async Task Xmp_keywords_hierarchy_and_named_faces_are_read_and_turned_upright()
    {
        var path = ws.Scene("faces.jpg", 640, 480, 3);
        ws.Exif(path,
            "-Orientation#=6",
            "-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=640,H=480,Unit=pixel},RegionList=[{Area={X=0.25,Y=0.5,W=0.1,H=0.2,Unit=normalized},Name=Alice,Type=Face},{Area={X=0.5,Y=0.5,W=0.1,H=0.1,Unit=normalized},Name=Pet,Type=Pet}]}",
            "-XMP-MP:RegionInfoMP={Regions=[{Rectangle=0.1|, 0.2|, 0.3|, 0.4,PersonDisplayName=Bob}]}",
            "-XMP-dc:Subject=beach", "-XMP-dc:Subject=sun", "-XMP-lr:HierarchicalSubject=Places|France|Paris",
            "-IPTC:Keywords=ignored-when-xmp-has-subjects", "-XMP-dc:Title=Sunset", "-XMP-xmp:Rating=5");

        var a = await ws.Analyzer().AnalyzeAsync(path, CancellationToken.None);

        a.Orientation.ShouldBe(6);
        a.Keywords.ShouldBe(["beach", "sun"]);
        a.HierarchicalKeywords.ShouldBe(["Places|France|Paris"]);
        a.Title.ShouldBe("Sunset");
        a.Rating.ShouldBe(5);
        a.Faces.Count.ShouldBe(2); // the pet region is not a face

        var alice = a.Faces.Single(f => f.Name == "Alice");
        alice.Source.ShouldBe("mwg");
        alice.X.ShouldBe(0.4, 1e-6); // stored centre (0.25,0.5) 0.1×0.2 → upright top-left after 90° CW
        alice.Y.ShouldBe(0.2, 1e-6);
        alice.Width.ShouldBe(0.2, 1e-6);
        alice.Height.ShouldBe(0.1, 1e-6);

        var bob = a.Faces.Single(f => f.Name == "Bob");
        bob.Source.ShouldBe("microsoft");
        (bob.X, bob.Y, bob.Width, bob.Height).ShouldBe((0.1, 0.2, 0.3, 0.4));
    }

    [Fact]
    public async Task Mwg_regions_written_for_the_upright_image_are_not_rotated_twice()
    {
        var path = ws.Scene("upright.jpg", 640, 480, 4);
        ws.Exif(path,
            "-Orientation#=6",
            "-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=480,H=640,Unit=pixel},RegionList=[{Area={X=0.25,Y=0.5,W=0.1,H=0.2,Unit=normalized},Name=Carol,Type=Face}]}");

        var a = await ws.Analyzer().AnalyzeAsync(path, CancellationToken.None);

        var carol = a.Faces.ShouldHaveSingleItem();
        carol.X.ShouldBe(0.2, 1e-6);
        carol.Y.ShouldBe(0.4, 1e-6);
        carol.Width.ShouldBe(0.1, 1e-6);
        carol.Height.ShouldBe(0.2, 1e-6);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("gif")]
    [InlineData("webp")]
    [InlineData("tif")]
    public async Task Other_image_formats_report_size_and_mime(string ext)
    {
        var path = ws.Scene("pic." + ext, 300, 200, 5);

        var a = await ws.Analyzer().AnalyzeAsync(path, CancellationToken.None);

        a.IsDamaged.ShouldBeFalse(a.DamageReason);
        (a.Width, a.Height).ShouldBe((300, 200));
        a.MimeType.ShouldStartWith("image/");
    }

    [Fact]
    public async Task Heic_exif_date_and_size_are_read()
    {
        var jpeg = ws.Scene("src.jpg", 640, 480, 6);
        ws.Exif(jpeg, "-DateTimeOriginal=2021:07:04 18:30:12", "-OffsetTimeOriginal=+02:00", "-Make=Apple");
        var heic = ws.PathOf("IMG_0001.HEIC");
        MediaWorkspace.Run("heif-enc", "-q", "60", jpeg, "-o", heic);

        var a = await ws.Analyzer().AnalyzeAsync(heic, CancellationToken.None);

        a.IsDamaged.ShouldBeFalse(a.DamageReason);
        a.MimeType.ShouldBe("image/heic");
        (a.Width, a.Height).ShouldBe((640, 480));
        a.TakenAt!.Source.ShouldBe(DateSource.Exif);
        a.TakenAt.Local.ShouldBe(new DateTime(2021, 7, 4, 18, 30, 12));
        a.TakenAt.Offset.ShouldBe(TimeSpan.FromHours(2));
        a.Make.ShouldBe("Apple");
    }
}
