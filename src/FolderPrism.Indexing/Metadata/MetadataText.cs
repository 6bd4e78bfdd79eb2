using System.Globalization;

namespace FolderPrism.Indexing.Metadata;

/// <summary>Parsing of the date, offset and coordinate spellings found in EXIF, XMP, QuickTime and ISO 6709.</summary>
internal static class MetadataText
{
    private static readonly string[] ExifFormats = ["yyyy:MM:dd HH:mm:ss", "yyyy:MM:dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy:MM:dd"];

    /// <summary>EXIF "yyyy:MM:dd HH:mm:ss" plus SubSec digits; null for blanks like "0000:00:00 00:00:00".</summary>
    public static DateTime? ParseExifDate(string? text, string? subSeconds)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().TrimEnd('\0');
        if (!DateTime.TryParseExact(trimmed, ExifFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return null;
        }

        var digits = new string((subSeconds ?? string.Empty).Trim().TakeWhile(char.IsAsciiDigit).Take(7).ToArray());
        if (digits.Length > 0)
        {
            value = value.AddTicks(long.Parse(digits.PadRight(7, '0'), CultureInfo.InvariantCulture));
        }

        return DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
    }

    /// <summary>EXIF OffsetTime "+01:00" / "-05:30".</summary>
    public static TimeSpan? ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().TrimEnd('\0');
        if (t is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        if (t.Length < 3 || (t[0] != '+' && t[0] != '-'))
        {
            return null;
        }

        var sign = t[0] == '-' ? -1 : 1;
        var body = t[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (body.Length is not (2 or 4) || !int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
        {
            return null;
        }

        var (hours, minutes) = body.Length == 2 ? (hhmm, 0) : (hhmm / 100, hhmm % 100);
        return hours > 14 || minutes > 59 ? null : sign * new TimeSpan(hours, minutes, 0);
    }

    /// <summary>ISO 8601 as written by XMP and QuickTime ("2019-03-12T14:23:01.25+01:00", "+0100", date only…).</summary>
    public static (DateTime Local, TimeSpan? Offset)? ParseIsoDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        TimeSpan? offset = null;
        var timeStart = t.IndexOf('T', StringComparison.Ordinal);
        if (timeStart < 0)
        {
            timeStart = t.IndexOf(' ', StringComparison.Ordinal);
        }

        if (timeStart > 0)
        {
            var zoneAt = t.IndexOfAny(['+', '-', 'Z', 'z'], timeStart);
            if (zoneAt > 0)
            {
                offset = ParseOffset(t[zoneAt..]);
                if (offset is null)
                {
                    return null;
                }

                t = t[..zoneAt];
            }
        }

        string[] formats =
        [
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy-MM", "yyyy", "yyyy:MM:dd HH:mm:ss",
        ];
        return DateTime.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? (DateTime.SpecifyKind(value, DateTimeKind.Unspecified), offset)
            : null;
    }

    /// <summary>XMP GPS coordinate "48,51.5N" / "48,51,30N" / decimal.</summary>
    public static double? ParseXmpCoordinate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        var sign = 1.0;
        var last = char.ToUpperInvariant(t[^1]);
        if (last is 'N' or 'S' or 'E' or 'W')
        {
            sign = last is 'S' or 'W' ? -1 : 1;
            t = t[..^1];
        }

        var parts = t.Split(',');
        double value = 0, scale = 1;
        foreach (var part in parts)
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            value += number / scale;
            scale *= 60;
        }

        return sign * value;
    }

    /// <summary>ISO 6709 "+48.8577+002.2950+035.000/" (QuickTime location).</summary>
    public static Core.Media.GeoPoint? ParseIso6709(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var numbers = new List<double>();
        var t = text.Trim().TrimEnd('/');
        var start = 0;
        for (var i = 1; i <= t.Length; i++)
        {
            if (i == t.Length || t[i] is '+' or '-' or '/')
            {
                if (double.TryParse(t[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                {
                    numbers.Add(n);
                }

                start = i;
            }
        }

        if (numbers.Count < 2 || Math.Abs(numbers[0]) > 90 || Math.Abs(numbers[1]) > 180)
        {
            return null;
        }

        return new Core.Media.GeoPoint(numbers[0], numbers[1], numbers.Count > 2 ? numbers[2] : null);
    }

    public static string? Clean(string? text)
    {
        var t = text?.Trim().TrimEnd('\0').Trim();
        return string.IsNullOrEmpty(t) ? null : t;
    }
}
