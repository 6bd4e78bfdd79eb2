using System.Xml.Linq;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// Named face rectangles from XMP. MWG areas are centre-based and, per the MWG guidelines, relative to the stored
/// pixels, so they are turned upright with the EXIF orientation — unless <c>AppliedToDimensions</c> already has the
/// upright (swapped) size, which some writers use to signal rotated coordinates. Microsoft regions are top-left
/// rectangles written against the displayed (upright) image.
/// </summary>
internal static class FaceRegionReader
{
    public static IEnumerable<FaceRegion> ReadMwg(XElement root, int orientation, int? storedWidth, int? storedHeight)
    {
        var regions = XmpNode.Struct(root, XmpNames.MwgRs + "Regions");
        if (regions is null)
        {
            yield break;
        }

        var applied = XmpNode.Struct(regions, XmpNames.MwgRs + "AppliedToDimensions");
        var appliedW = applied is null ? null : XmpMetadataParser.Double(XmpNode.Value(applied, XmpNames.StDim + "w"));
        var appliedH = applied is null ? null : XmpMetadataParser.Double(XmpNode.Value(applied, XmpNames.StDim + "h"));
        var alreadyUpright = orientation is >= 5 and <= 8 && appliedW is { } aw && appliedH is { } ah &&
            storedWidth is { } sw && storedHeight is { } sh && sw != sh && (aw > ah) != (sw > sh);
        var effectiveOrientation = alreadyUpright ? 1 : orientation;

        foreach (var item in XmpNode.ArrayItems(regions, XmpNames.MwgRs + "RegionList"))
        {
            var type = XmpNode.Value(item, XmpNames.MwgRs + "Type");
            if (type is not null && !type.Equals("Face", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var area = XmpNode.Struct(item, XmpNames.MwgRs + "Area");
            if (area is null)
            {
                continue;
            }

            var x = XmpMetadataParser.Double(XmpNode.Value(area, XmpNames.StArea + "x"));
            var y = XmpMetadataParser.Double(XmpNode.Value(area, XmpNames.StArea + "y"));
            var w = XmpMetadataParser.Double(XmpNode.Value(area, XmpNames.StArea + "w"));
            var h = XmpMetadataParser.Double(XmpNode.Value(area, XmpNames.StArea + "h"));
            if (x is not { } cx || y is not { } cy || w is not { } rw || h is not { } rh)
            {
                continue;
            }

            if (string.Equals(XmpNode.Value(area, XmpNames.StArea + "unit"), "pixel", StringComparison.OrdinalIgnoreCase))
            {
                if (appliedW is not { } pw || appliedH is not { } ph || pw <= 0 || ph <= 0)
                {
                    continue;
                }

                (cx, cy, rw, rh) = (cx / pw, cy / ph, rw / pw, rh / ph);
            }

            var name = XmpNode.Value(item, XmpNames.MwgRs + "Name");
            if (Upright(cx - (rw / 2), cy - (rh / 2), rw, rh, effectiveOrientation, name, "mwg") is { } face)
            {
                yield return face;
            }
        }
    }

    public static IEnumerable<FaceRegion> ReadMicrosoft(XElement root)
    {
        var info = XmpNode.Struct(root, XmpNames.Mp + "RegionInfo");
        if (info is null)
        {
            yield break;
        }

        foreach (var item in XmpNode.ArrayItems(info, XmpNames.MpRi + "Regions"))
        {
            var rectangle = XmpNode.Value(item, XmpNames.MpReg + "Rectangle");
            var parts = rectangle?.Split(',').Select(p => XmpMetadataParser.Double(p.Trim())).ToArray();
            if (parts is not { Length: 4 } || parts.Any(p => p is null))
            {
                continue;
            }

            var name = XmpNode.Value(item, XmpNames.MpReg + "PersonDisplayName");
            if (Upright(parts[0]!.Value, parts[1]!.Value, parts[2]!.Value, parts[3]!.Value, 1, name, "microsoft") is { } face)
            {
                yield return face;
            }
        }
    }

    /// <summary>Maps a top-left rectangle in stored coordinates to the upright image for EXIF orientation 1–8.</summary>
    internal static FaceRegion? Upright(double x, double y, double w, double h, int orientation, string? name, string source)
    {
        var (ux, uy, uw, uh) = orientation switch
        {
            2 => (1 - x - w, y, w, h),
            3 => (1 - x - w, 1 - y - h, w, h),
            4 => (x, 1 - y - h, w, h),
            5 => (y, x, h, w),
            6 => (1 - y - h, x, h, w),
            7 => (1 - y - h, 1 - x - w, h, w),
            8 => (y, 1 - x - w, h, w),
            _ => (x, y, w, h),
        };

        // Clamp into the picture; drop degenerate or absurd rectangles.
        var left = Math.Clamp(ux, 0, 1);
        var top = Math.Clamp(uy, 0, 1);
        var right = Math.Clamp(ux + uw, 0, 1);
        var bottom = Math.Clamp(uy + uh, 0, 1);
        if (right - left <= 0 || bottom - top <= 0 || double.IsNaN(left + top + right + bottom))
        {
            return null;
        }

        return new FaceRegion(name, Round(left), Round(top), Round(right - left), Round(bottom - top), source);
    }

    private static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
