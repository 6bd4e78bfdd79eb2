using System.Globalization;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Import;

/// <summary>How capture dates appear in the report: local ISO 8601 (offset when known) and the source's report name.</summary>
internal static class ImportReportFormat
{
    public static string? Taken(CaptureDate? taken)
    {
        if (taken is null)
        {
            return null;
        }

        var local = taken.Local.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF", CultureInfo.InvariantCulture).TrimEnd('.');
        if (taken.Offset is not { } offset)
        {
            return local;
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return $"{local}{sign}{offset.Duration():hh\\:mm}";
    }

    public static string SourceName(DateSource source) => source switch
    {
        DateSource.Exif => "exif",
        DateSource.Xmp => "xmp",
        DateSource.Takeout => "takeout",
        DateSource.Video => "video",
        DateSource.FileName => "filename",
        _ => "mtime",
    };
}
