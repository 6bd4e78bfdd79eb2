using System.Globalization;
using System.Text.RegularExpressions;

namespace FolderPrism.Core.Media;

/// <summary>
/// Finds a capture date in a file name as phones, cameras and messengers write them (<c>IMG_20190312_142301</c>,
/// <c>PXL_20210704_183012345</c>, <c>IMG-20180505-WA0003</c>, <c>Screenshot_20200101-101010</c>,
/// <c>2017-05-20 14.23.01</c>, <c>signal-2021-03-04-123456</c>, <c>Photo 2019-03-12 14 23 01</c>, …). It is the last
/// resort before file times, so impossible dates (month 13, before 1900, in the future) are rejected rather than guessed.
/// </summary>
public static partial class FileNameDateParser
{
    // Year, month, day with one consistent separator (or none); then optionally a time with any of the usual separators,
    // including " at " (macOS screenshots, WhatsApp exports), and optional milliseconds (Pixel).
    [GeneratedRegex(
        @"(?<!\d)(?<y>(?:19|20)\d{2})(?<s>[-_.]?)(?<m>\d{2})\k<s>(?<d>\d{2})" +
        @"(?:(?:[ _T-]|\s+at\s+)?(?<H>\d{2})[-_.: ]?(?<M>\d{2})[-_.: ]?(?<S>\d{2})(?<f>\d{1,3})?)?(?!\d)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    /// <summary>
    /// Parses the first plausible date in <paramref name="fileName"/> (directory parts are ignored).
    /// </summary>
    /// <param name="fileName">A file name or path.</param>
    /// <param name="latestAllowed">Dates after this (local wall-clock, with a day of slack) are rejected.</param>
    /// <returns>The local date-time, or <c>null</c>; <see cref="FileNameDate.HasTime"/> is false for date-only names.</returns>
    public static FileNameDate? Parse(string fileName, DateTime latestAllowed)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        foreach (Match match in DatePattern().Matches(name))
        {
            var date = TryBuild(match, latestAllowed);
            if (date is not null)
            {
                return date;
            }
        }

        return null;
    }

    private static FileNameDate? TryBuild(Match m, DateTime latestAllowed)
    {
        var year = Int(m, "y");
        var month = Int(m, "m");
        var day = Int(m, "d");
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var value = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        var hasTime = false;
        if (m.Groups["H"].Success)
        {
            int hour = Int(m, "H"), minute = Int(m, "M"), second = Int(m, "S");
            if (hour < 24 && minute < 60 && second < 60)
            {
                value = value.AddHours(hour).AddMinutes(minute).AddSeconds(second);
                if (m.Groups["f"].Success)
                {
                    var f = m.Groups["f"].Value;
                    value = value.AddMilliseconds(int.Parse(f.PadRight(3, '0'), CultureInfo.InvariantCulture));
                }

                hasTime = true;
            }
        }

        if (value.Date > latestAllowed.Date.AddDays(1))
        {
            return null;
        }

        return new FileNameDate(value, hasTime);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);
}
