using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// Parses an XMP packet (sidecar <c>.xmp</c> or embedded) into <see cref="ExtractedMetadata"/>: dates, camera,
/// exposure, GPS, rating, title/description, keywords (dc:subject, lr:hierarchicalSubject) and named face regions
/// (MWG <c>mwg-rs:Regions</c>, Microsoft <c>MP:RegionInfo</c>) normalised to the upright image.
/// </summary>
public static class XmpMetadataParser
{
    /// <summary>Parses <paramref name="xml"/>; throws <see cref="XmlException"/> for malformed XML.</summary>
    /// <param name="xml">The XMP packet or sidecar text.</param>
    /// <param name="known">Values already read from the file (orientation and stored size), used to turn MWG regions upright.</param>
    public static ExtractedMetadata Parse(string xml, ExtractedMetadata? known = null)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = XmlReader.Create(new StringReader(xml.Trim('\uFEFF', ' ', '\r', '\n', '\t', '\0')), settings);
        var doc = XDocument.Load(reader);
        var root = new XElement("xmp", doc.Descendants(XmpNames.Rdf + "RDF").Elements(XmpNames.Rdf + "Description"));
        var result = new ExtractedMetadata();

        var date = MetadataText.ParseIsoDate(XmpNode.Value(root, XmpNames.Exif + "DateTimeOriginal"))
            ?? MetadataText.ParseIsoDate(XmpNode.Value(root, XmpNames.Photoshop + "DateCreated"))
            ?? MetadataText.ParseIsoDate(XmpNode.Value(root, XmpNames.Xmp + "CreateDate"));
        if (date is { } d)
        {
            result.Dates = new DateEvidence { XmpLocal = d.Local, XmpOffset = d.Offset };
        }

        result.Width = Int(XmpNode.Value(root, XmpNames.Tiff + "ImageWidth") ?? XmpNode.Value(root, XmpNames.Exif + "PixelXDimension"));
        result.Height = Int(XmpNode.Value(root, XmpNames.Tiff + "ImageLength") ?? XmpNode.Value(root, XmpNames.Exif + "PixelYDimension"));
        result.Orientation = Int(XmpNode.Value(root, XmpNames.Tiff + "Orientation")) is int o and >= 1 and <= 8 ? o : null;
        result.Make = XmpNode.Value(root, XmpNames.Tiff + "Make");
        result.Model = XmpNode.Value(root, XmpNames.Tiff + "Model");
        result.Lens = XmpNode.Value(root, XmpNames.ExifEx + "LensModel") ?? XmpNode.Value(root, XmpNames.Aux + "Lens");
        result.Iso = Int(XmpNode.TextArray(root, XmpNames.Exif + "ISOSpeedRatings").FirstOrDefault()
            ?? XmpNode.Value(root, XmpNames.ExifEx + "PhotographicSensitivity"));
        result.ExposureTime = Rational(XmpNode.Value(root, XmpNames.Exif + "ExposureTime"));
        result.FNumber = Rational(XmpNode.Value(root, XmpNames.Exif + "FNumber"));
        result.FocalLength = Rational(XmpNode.Value(root, XmpNames.Exif + "FocalLength"));
        result.Rating = Int(XmpNode.Value(root, XmpNames.Xmp + "Rating")) is int r and >= -1 and <= 5 ? r : null;
        result.Title = XmpNode.Value(root, XmpNames.Dc + "title");
        result.Description = XmpNode.Value(root, XmpNames.Dc + "description");
        result.Keywords = [.. XmpNode.TextArray(root, XmpNames.Dc + "subject")];
        result.HierarchicalKeywords = [.. XmpNode.TextArray(root, XmpNames.Lr + "hierarchicalSubject")];

        var lat = MetadataText.ParseXmpCoordinate(XmpNode.Value(root, XmpNames.Exif + "GPSLatitude"));
        var lon = MetadataText.ParseXmpCoordinate(XmpNode.Value(root, XmpNames.Exif + "GPSLongitude"));
        if (lat is { } la && lon is { } lo && Math.Abs(la) <= 90 && Math.Abs(lo) <= 180)
        {
            var alt = Rational(XmpNode.Value(root, XmpNames.Exif + "GPSAltitude"));
            if (alt is not null && XmpNode.Value(root, XmpNames.Exif + "GPSAltitudeRef") == "1")
            {
                alt = -alt;
            }

            result.Location = new GeoPoint(la, lo, alt);
        }

        var orientation = result.Orientation ?? known?.Orientation ?? 1;
        var width = known?.Width ?? result.Width;
        var height = known?.Height ?? result.Height;
        result.Faces = [.. FaceRegionReader.ReadMwg(root, orientation, width, height), .. FaceRegionReader.ReadMicrosoft(root)];
        result.KeywordsStated = XmpNode.States(root, XmpNames.Dc + "subject");
        result.HierarchicalKeywordsStated = XmpNode.States(root, XmpNames.Lr + "hierarchicalSubject");
        result.FacesStated = XmpNode.States(root, XmpNames.MwgRs + "Regions") || XmpNode.States(root, XmpNames.Mp + "RegionInfo");
        return result;
    }

    internal static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    internal static double? Double(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>"1/125", "28/10" or a decimal.</summary>
    internal static double? Rational(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Double(text);
        }

        var numerator = Double(text[..slash]);
        var denominator = Double(text[(slash + 1)..]);
        return numerator is { } n && denominator is { } dn && dn != 0 ? n / dn : null;
    }
}
