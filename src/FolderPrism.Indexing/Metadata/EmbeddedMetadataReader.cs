using System.Text;
using FolderPrism.Core.Media;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Tiff;
using MetadataExtractor.Formats.Xmp;
using XmpCore;
using XmpCore.Options;
using MeDirectory = MetadataExtractor.Directory;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// Reads EXIF, IPTC and embedded XMP with MetadataExtractor (JPEG, PNG, GIF, WebP, TIFF and TIFF-based RAW, RAF).
/// MetadataExtractor 2.4.3 has no HEIF reader, so for HEIC/AVIF the EXIF TIFF block and XMP packet are located in
/// the file and parsed directly. Embedded XMP is applied over EXIF, as the newer record written by editors.
/// </summary>
public static class EmbeddedMetadataReader
{
    private const int ExifDateTimeOriginal = 0x9003, ExifDateTimeDigitized = 0x9004;
    private const int SubSecOriginal = 0x9291, SubSecDigitized = 0x9292;
    private const int OffsetTime = 0x9010, OffsetOriginal = 0x9011, OffsetDigitized = 0x9012;
    private const int Make = 0x010F, Model = 0x0110, Orientation = 0x0112, ImageDescription = 0x010E, XpTitle = 0x9C9B;
    private const int Rating = 0x4746, ImageWidth = 0x0100, ImageHeight = 0x0101, PixelX = 0xA002, PixelY = 0xA003;
    private const int LensModel = 0xA434, Iso = 0x8827, ExposureTime = 0x829A, FNumber = 0x829D, FocalLength = 0x920A;
    private const int IptcKeywords = 0x0219, IptcObjectName = 0x0205, IptcCaption = 0x0278;
    private const int GpsAltitudeRef = 5, GpsAltitude = 6;

    /// <summary>Largest HEIF/AVIF file scanned for its EXIF and XMP blocks.</summary>
    private const long MaxHeifScanBytes = 128L * 1024 * 1024;

    /// <summary>Reads the file's own metadata; throws MetadataExtractor/IO exceptions for unreadable files.</summary>
    public static ExtractedMetadata Read(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        IReadOnlyList<MeDirectory> directories;
        string? xmp = null;
        if (ext is ".heic" or ".heif" or ".hif" or ".avif")
        {
            (directories, xmp) = ReadHeif(path);
        }
        else
        {
            directories = ImageMetadataReader.ReadMetadata(path);
            var xmpMeta = directories.OfType<XmpDirectory>().Select(d => d.XmpMeta).FirstOrDefault(m => m is not null);
            if (xmpMeta is not null)
            {
                xmp = XmpMetaFactory.SerializeToString(xmpMeta, new SerializeOptions { OmitPacketWrapper = true });
            }
        }

        var result = FromDirectories(directories);
        if (xmp is not null)
        {
            try
            {
                result.OverrideWith(XmpMetadataParser.Parse(xmp, result));
            }
            catch (System.Xml.XmlException)
            {
                // A garbled embedded packet must not hide the EXIF that was read fine.
            }
        }

        return result;
    }

    private static ExtractedMetadata FromDirectories(IReadOnlyList<MeDirectory> directories)
    {
        var result = new ExtractedMetadata();
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var sub = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var exifs = directories.OfType<ExifDirectoryBase>().Where(d => d is not ExifThumbnailDirectory).ToList();

        if (sub is not null)
        {
            var original = MetadataText.ParseExifDate(sub.GetString(ExifDateTimeOriginal), sub.GetString(SubSecOriginal));
            var offset = MetadataText.ParseOffset(sub.GetString(OffsetOriginal)) ?? MetadataText.ParseOffset(sub.GetString(OffsetTime));
            if (original is null)
            {
                original = MetadataText.ParseExifDate(sub.GetString(ExifDateTimeDigitized), sub.GetString(SubSecDigitized));
                offset = MetadataText.ParseOffset(sub.GetString(OffsetDigitized)) ?? offset;
            }

            result.Dates = new DateEvidence { ExifLocal = original, ExifOffset = offset };
            result.Lens = MetadataText.Clean(sub.GetString(LensModel));
            result.Iso = sub.TryGetInt32(Iso, out var iso) ? iso : null;
            result.ExposureTime = Rational(sub, ExposureTime);
            result.FNumber = Rational(sub, FNumber);
            result.FocalLength = Rational(sub, FocalLength);
        }

        if (ifd0 is not null)
        {
            result.Make = MetadataText.Clean(ifd0.GetString(Make));
            result.Model = MetadataText.Clean(ifd0.GetString(Model));
            result.Orientation = ifd0.TryGetInt32(Orientation, out var o) && o is >= 1 and <= 8 ? o : null;
            result.Rating = ifd0.TryGetInt32(Rating, out var r) && r is >= -1 and <= 5 ? r : null;
            result.Description = MetadataText.Clean(ifd0.GetString(ImageDescription));
            result.Title = ifd0.GetByteArray(XpTitle) is { Length: > 0 } xp ? MetadataText.Clean(Encoding.Unicode.GetString(xp)) : null;
        }

        (result.Width, result.Height) = Dimensions(directories, exifs);

        if (directories.OfType<GpsDirectory>().FirstOrDefault() is { } gps && gps.GetGeoLocation() is { } geo &&
            !(geo.Latitude == 0 && geo.Longitude == 0) && !double.IsNaN(geo.Latitude))
        {
            double? altitude = gps.TryGetRational(GpsAltitude, out var alt) && alt.Denominator != 0 ? alt.ToDouble() : null;
            if (altitude is not null && gps.TryGetInt32(GpsAltitudeRef, out var altRef) && altRef == 1)
            {
                altitude = -altitude;
            }

            result.Location = new GeoPoint(geo.Latitude, geo.Longitude, altitude);
        }

        if (directories.OfType<IptcDirectory>().FirstOrDefault() is { } iptc)
        {
            result.Keywords = [.. (iptc.GetStringArray(IptcKeywords) ?? []).Select(MetadataText.Clean).OfType<string>().Distinct()];
            result.Title ??= MetadataText.Clean(iptc.GetString(IptcObjectName));
            result.Description ??= MetadataText.Clean(iptc.GetString(IptcCaption));
        }

        return result;
    }

    private static (int?, int?) Dimensions(IReadOnlyList<MeDirectory> directories, List<ExifDirectoryBase> exifs)
    {
        // Container headers (JPEG SOF, PNG IHDR, GIF, WebP) state the real stored size.
        foreach (var directory in directories.Where(d => d is not ExifDirectoryBase))
        {
            var w = directory.Tags.FirstOrDefault(t => t.Name == "Image Width");
            var h = directory.Tags.FirstOrDefault(t => t.Name == "Image Height");
            if (w is not null && h is not null && directory.TryGetInt32(w.Type, out var width) &&
                directory.TryGetInt32(h.Type, out var height) && width > 0 && height > 0)
            {
                return (width, height);
            }
        }

        // TIFF and RAW: the largest image described by any IFD (RAW IFD0 is often a small preview).
        var best = (W: 0, H: 0);
        foreach (var exif in exifs)
        {
            foreach (var (wt, ht) in new[] { (ImageWidth, ImageHeight), (PixelX, PixelY) })
            {
                if (exif.TryGetInt32(wt, out var w) && exif.TryGetInt32(ht, out var h) && (long)w * h > (long)best.W * best.H)
                {
                    best = (w, h);
                }
            }
        }

        return best.W > 0 ? (best.W, best.H) : (null, null);
    }

    private static double? Rational(MeDirectory directory, int tag) =>
        directory.TryGetRational(tag, out var value) && value.Denominator != 0 ? value.ToDouble() : null;

    private static (IReadOnlyList<MeDirectory>, string?) ReadHeif(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxHeifScanBytes)
        {
            return ([], null);
        }

        var data = File.ReadAllBytes(path);
        IReadOnlyList<MeDirectory> directories = [];
        foreach (var exif in ExifTiffCandidates(data))
        {
            try
            {
                using var tiff = new MemoryStream(data, exif, data.Length - exif, writable: false);
                var read = TiffMetadataReader.ReadMetadata(tiff);
                if (read.OfType<ExifIfd0Directory>().Any())
                {
                    directories = read;
                    break;
                }
            }
            catch (Exception e) when (e is TiffProcessingException or IOException or ArgumentException or IndexOutOfRangeException)
            {
                // Not the EXIF block after all; keep looking.
            }
        }

        string? xmp = null;
        var start = data.AsSpan().IndexOf("<x:xmpmeta"u8);
        if (start >= 0)
        {
            var end = data.AsSpan(start).IndexOf("</x:xmpmeta>"u8);
            if (end > 0)
            {
                xmp = Encoding.UTF8.GetString(data, start, end + "</x:xmpmeta>".Length);
            }
        }

        return (directories, xmp);
    }

    /// <summary>
    /// Offset of the EXIF TIFF header inside a HEIF/AVIF file: the Exif item's payload is a 4-byte offset (usually 0)
    /// then the TIFF header, sometimes behind an "Exif\0\0" marker. A header whose first IFD starts at 8 and is
    /// preceded by either form is accepted; parse failures move on to the next match.
    /// </summary>
    private static IEnumerable<int> ExifTiffCandidates(byte[] data)
    {
        ReadOnlySpan<byte> motorola = [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08];
        ReadOnlySpan<byte> intel = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00];
        var found = new List<int>();
        for (var i = 4; i + 8 <= data.Length && found.Count < 16; i++)
        {
            if (data[i] is not (0x4D or 0x49))
            {
                continue;
            }

            var header = data.AsSpan(i, 8);
            if (!header.SequenceEqual(motorola) && !header.SequenceEqual(intel))
            {
                continue;
            }

            var zeroOffset = data.AsSpan(i - 4, 4).SequenceEqual((ReadOnlySpan<byte>)[0, 0, 0, 0]);
            var marker = i >= 6 && data.AsSpan(i - 6, 6).SequenceEqual("Exif\0\0"u8);
            if (zeroOffset || marker)
            {
                found.Add(i);
            }
        }

        return found;
    }
}
