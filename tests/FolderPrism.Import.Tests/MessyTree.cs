using FolderPrism.Indexing.Metadata;

namespace FolderPrism.Import.Tests;

/// <summary>Builds the messy source tree of <see cref="MessyTreeTests"/> with ImageMagick, exiftool and Takeout JSON.</summary>
internal sealed class MessyTree
{
    /// <summary>A Takeout-only photo whose JSON name Takeout cut to 46 characters (<c>….jpg.supplement.json</c>).</summary>
    public const string LongName = "Lake_house_family_gathering_xyz.jpg";

    public required string Camera { get; init; }

    public required string Takeout { get; init; }

    public required string Phone { get; init; }

    /// <summary>Camera original file name → content hash.</summary>
    public required Dictionary<string, string> CameraHashes { get; init; }

    /// <summary>Camera original file name → content hash of its Google copy (the version that must end up held).</summary>
    public required Dictionary<string, string> TakeoutCopyHashes { get; init; }

    public required int InputCount { get; init; }

    public static MessyTree Make(ImportFixture f)
    {
        var camera = f.Source("camera");
        var dcim = Path.Combine(camera, "DCIM");
        MediaMaker.CameraJpeg(Path.Combine(dcim, "IMG_2001.JPG"), 80, "2019:06:21 12:00:00", "+02:00", 1200, 900);
        MediaMaker.CameraJpeg(Path.Combine(dcim, "IMG_2002.JPG"), 81, "2019:06:21 12:05:00", "+02:00", 1200, 900);
        MediaMaker.CameraJpeg(Path.Combine(dcim, "IMG_2003.JPG"), 82, "2019:07:02 09:00:00", "+02:00", 1200, 900);
        Directory.CreateDirectory(Path.Combine(camera, "backup"));
        File.Copy(Path.Combine(dcim, "IMG_2001.JPG"), Path.Combine(camera, "backup", "IMG_2001.JPG"));
        // A RAW+JPEG pair from the same shot: companions, filed side by side under one base name.
        MediaMaker.Raw(Path.Combine(dcim, "DSC_0042.NEF"), 91, "2019:10:03 04:05:06");
        MediaMaker.CameraJpeg(Path.Combine(dcim, "DSC_0042.JPG"), 92, "2019:10:03 04:05:06", width: 300, height: 200);

        var takeout = f.Source("Takeout");
        var year = Path.Combine(takeout, "Google Photos", "Photos from 2019");
        Directory.CreateDirectory(year);
        var utc = (int month, int day, int hour, int minute) => new DateTimeOffset(2019, month, day, hour, minute, 0, TimeSpan.Zero);
        // Every naming variant Takeout uses: x.jpg.json, x.jpg.supplemental-metadata.json, x(1).jpg ↔ x.jpg(1).json.
        GoogleCopy(Path.Combine(dcim, "IMG_2001.JPG"), Path.Combine(year, "IMG_2001.JPG"), 60);
        MediaMaker.Takeout(Path.Combine(year, "IMG_2001.JPG.json"), utc(6, 21, 10, 0));
        GoogleCopy(Path.Combine(dcim, "IMG_2002.JPG"), Path.Combine(year, "IMG_2002.JPG"), 55);
        MediaMaker.Takeout(Path.Combine(year, "IMG_2002.JPG.supplemental-metadata.json"), utc(6, 21, 10, 5));
        GoogleCopy(Path.Combine(dcim, "IMG_2003.JPG"), Path.Combine(year, "IMG_2003(1).JPG"), 65);
        MediaMaker.Takeout(Path.Combine(year, "IMG_2003.JPG(1).json"), utc(7, 2, 7, 0));
        // The edit really differs (mirrored, washed out) and has no JSON of its own: Takeout means the original's.
        MediaMaker.Run("convert", Path.Combine(dcim, "IMG_2001.JPG"), "-resize", "600x450", "-flop", "-modulate", "100,20,100", "-strip",
            Path.Combine(year, "IMG_2001-edited.JPG"));
        MediaMaker.Image(Path.Combine(year, LongName), 500, 375, 83, "-quality", "70");
        MediaMaker.Takeout(Path.Combine(year, (LongName + ".supplemental-metadata")[..46] + ".json"), utc(8, 20, 18, 0));

        // The album folder repeats two photos byte for byte, each with its JSON, and names the album in metadata.json.
        var album = Path.Combine(takeout, "Google Photos", "Summer 2019");
        Directory.CreateDirectory(album);
        File.WriteAllText(Path.Combine(album, "metadata.json"), """{ "title": "Summer 2019", "description": "", "access": "protected" }""");
        File.Copy(Path.Combine(year, "IMG_2001.JPG"), Path.Combine(album, "IMG_2001.JPG"));
        MediaMaker.Takeout(Path.Combine(album, "IMG_2001.JPG.supplemental-metadata.json"), utc(6, 21, 10, 0));
        File.Copy(Path.Combine(year, "IMG_2002.JPG"), Path.Combine(album, "IMG_2002.JPG"));
        MediaMaker.Takeout(Path.Combine(album, "IMG_2002.JPG.json"), utc(6, 21, 10, 5));

        // Phone files without any metadata: WhatsApp and a screenshot, dated by their names only.
        var phone = f.Source("phone");
        MediaMaker.Image(Path.Combine(phone, "WhatsApp Images", "IMG-20190815-WA0003.jpg"), 400, 300, 84, "-strip");
        MediaMaker.Image(Path.Combine(phone, "Screenshots", "Screenshot_20190816-101112.png"), 360, 640, 85);

        // A live photo (HEIC + MOV of the same name), a picture dated only by its file time, two broken files and two
        // different photos with the same name in the same month (a clash inside one batch).
        var live = Path.Combine(phone, "Live");
        MediaMaker.Heic(Path.Combine(live, "IMG_0007.HEIC"), 86);
        MediaMaker.Exif(Path.Combine(live, "IMG_0007.HEIC"), "-DateTimeOriginal=2019:09:04 18:30:12");
        MediaMaker.Video(Path.Combine(live, "IMG_0007.MOV"), "2019-09-04T16:30:12Z");
        MediaMaker.SetMtime(MediaMaker.Image(Path.Combine(phone, "misc", "holiday.png"), 300, 200, 87),
            new DateTime(2019, 11, 5, 12, 0, 0, DateTimeKind.Utc));
        Directory.CreateDirectory(Path.Combine(phone, "broken"));
        File.WriteAllBytes(Path.Combine(phone, "broken", "empty.jpg"), []);
        var cut = MediaMaker.CameraJpeg(Path.Combine(phone, "broken", "cut.jpg"), 88, "2019:12:01 10:00:00");
        var whole = File.ReadAllBytes(cut);
        File.WriteAllBytes(cut, whole[..(whole.Length / 2)]);
        MediaMaker.CameraJpeg(Path.Combine(phone, "a", "IMG_5000.JPG"), 89, "2019:05:01 09:00:00");
        MediaMaker.CameraJpeg(Path.Combine(phone, "b", "IMG_5000.JPG"), 90, "2019:05:02 09:00:00");

        return new MessyTree
        {
            Camera = camera, Takeout = takeout, Phone = phone,
            CameraHashes = new[] { "IMG_2001.JPG", "IMG_2002.JPG", "IMG_2003.JPG" }.ToDictionary(n => n, n => Hash(Path.Combine(dcim, n))),
            TakeoutCopyHashes = new Dictionary<string, string>
            {
                ["IMG_2001.JPG"] = Hash(Path.Combine(year, "IMG_2001.JPG")),
                ["IMG_2002.JPG"] = Hash(Path.Combine(year, "IMG_2002.JPG")),
                ["IMG_2003.JPG"] = Hash(Path.Combine(year, "IMG_2003(1).JPG")),
            },
            InputCount = 6 + 5 + 2 + 2 + 7,
        };
    }

    /// <summary>What Google Photos hands back: downscaled to half, recompressed, every metadata block stripped.</summary>
    private static void GoogleCopy(string original, string copy, int quality) =>
        MediaMaker.Run("convert", original, "-resize", "600x450", "-quality", quality.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-strip", copy);

    private static string Hash(string path) => ContentHasher.Compute(File.ReadAllBytes(path));
}
