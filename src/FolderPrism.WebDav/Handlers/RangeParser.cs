using System.Globalization;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// RFC 7233 <c>Range: bytes=</c> parsing: open-ended and suffix ranges, unsatisfiable ranges dropped. Returns null when
/// the header is to be ignored (syntax error or more ranges than allowed), an empty list when nothing is satisfiable.
/// </summary>
internal static class RangeParser
{
    public static List<ByteRange>? Parse(string header, long length, int maxRanges)
    {
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var specs = header[6..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (specs.Length == 0 || specs.Length > maxRanges)
        {
            return null;
        }

        var ranges = new List<ByteRange>();
        foreach (var spec in specs)
        {
            var dash = spec.IndexOf('-');
            if (dash < 0)
            {
                return null;
            }

            var first = spec[..dash].Trim();
            var last = spec[(dash + 1)..].Trim();
            if (first.Length == 0)
            {
                if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
                {
                    return null;
                }

                if (suffix > 0 && length > 0)
                {
                    ranges.Add(new ByteRange(Math.Max(0, length - suffix), length - 1));
                }

                continue;
            }

            if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
            {
                return null;
            }

            long to = length - 1;
            if (last.Length > 0)
            {
                if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out to) || to < from)
                {
                    return null;
                }

                to = Math.Min(to, length - 1);
            }

            if (from < length)
            {
                ranges.Add(new ByteRange(from, to));
            }
        }

        return ranges;
    }
}
