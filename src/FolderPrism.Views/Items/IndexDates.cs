using System.Data.Common;
using System.Globalization;

namespace FolderPrism.Views.Items;

/// <summary>
/// Dates as EF Core's SQLite provider stores them (<c>yyyy-MM-dd HH:mm:ss[.fffffff][+hh:mm]</c>), parsed by position.
/// Microsoft.Data.Sqlite reads them with the general <c>DateTime.Parse</c>, which a cold 1,000-row listing pays two
/// times per row (capture time, first-seen time). Any other text (or a non-text value) goes the provider's own way,
/// so results are the same as <c>GetDateTime</c>/<c>GetFieldValue&lt;DateTimeOffset&gt;</c>.
/// </summary>
internal static class IndexDates
{
    public static DateTime ReadDateTime(DbDataReader reader, int ordinal)
    {
        if (reader.GetFieldType(ordinal) == typeof(string))
        {
            var text = reader.GetString(ordinal);
            if (TryParse(text, out var value, out var end) && end == text.Length)
            {
                return value;
            }
        }

        return reader.GetDateTime(ordinal);
    }

    public static DateTimeOffset ReadDateTimeOffset(DbDataReader reader, int ordinal)
    {
        if (reader.GetFieldType(ordinal) == typeof(string))
        {
            var text = reader.GetString(ordinal);
            if (TryParse(text, out var value, out var end) && TryOffset(text.AsSpan(end), out var offset))
            {
                return new DateTimeOffset(value, offset);
            }
        }

        return reader.GetFieldValue<DateTimeOffset>(ordinal);
    }

    /// <summary>A whole field holding a stored <see cref="DateTime"/> (what <see cref="ReadDateTime"/> parses itself).</summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out DateTime value) =>
        TryParse(text, out value, out var end) && end == text.Length;

    /// <summary>A whole field holding a stored <see cref="DateTimeOffset"/> (what <see cref="ReadDateTimeOffset"/> parses itself).</summary>
    public static bool TryParseDateTimeOffset(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (!TryParse(text, out var local, out var end) || !TryOffset(text[end..], out var offset))
        {
            return false;
        }

        value = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> and an optional fraction of up to 7 digits; <paramref name="end"/> is where it stopped.</summary>
    private static bool TryParse(ReadOnlySpan<char> s, out DateTime value, out int end)
    {
        value = default;
        end = 0;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':'
            || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        end = 19;
        long ticks = 0;
        if (s.Length > 20 && s[19] == '.' && char.IsAsciiDigit(s[20]))
        {
            var scale = (long)TimeSpan.TicksPerSecond;
            end = 20;
            while (end < s.Length && char.IsAsciiDigit(s[end]))
            {
                if (end - 20 >= 7)
                {
                    return false; // more precision than ticks: the general parser's rounding applies
                }

                scale /= 10;
                ticks += (s[end] - '0') * scale;
                end++;
            }
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }

    /// <summary>An ISO offset <c>+hh:mm</c>/<c>-hh:mm</c> filling the rest of the text.</summary>
    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = default;
        if (s.Length != 6 || s[0] is not ('+' or '-') || s[3] != ':' || !Digits(s.Slice(1, 2), out var hours)
            || !Digits(s.Slice(4, 2), out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
        {
            offset = -offset;
        }

        return offset.Duration() <= TimeSpan.FromHours(14);
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
