using System.Text;

namespace FolderPrism.WebDav.Paths;

/// <summary>
/// Turns a raw request target (or a Destination header's path) into a <see cref="DavPath"/>: percent-decodes exactly
/// once, requires strict UTF-8 (overlong forms fail), and rejects every segment that could escape or alias a folder.
/// </summary>
public static class DavPathParser
{
    private const int MaxSegmentBytes = 255;
    private const int MaxPathChars = 4096;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parses the path part of a raw target; the query is ignored. A raw <c>#</c> cannot appear in a request target, so
    /// it is refused rather than cut off (cutting would turn <c>/dir/#frag</c> into <c>/dir/</c>, a different resource).
    /// </summary>
    public static bool TryParse(string rawTarget, out DavPath path, out bool trailingSlash)
    {
        path = DavPath.Root;
        trailingSlash = false;
        var raw = rawTarget;
        if (raw.Contains('#', StringComparison.Ordinal))
        {
            return false;
        }

        var cut = raw.IndexOf('?', StringComparison.Ordinal);
        if (cut >= 0)
        {
            raw = raw[..cut];
        }

        if (raw.Length == 0 || raw.Length > MaxPathChars || raw[0] != '/')
        {
            return false;
        }

        trailingSlash = raw.EndsWith('/');
        var segments = new List<string>();
        foreach (var rawSegment in raw.Split('/'))
        {
            if (rawSegment.Length == 0)
            {
                continue;
            }

            if (!TryDecodeSegment(rawSegment, out var segment))
            {
                return false;
            }

            segments.Add(segment);
        }

        path = DavPath.FromSegments(segments);
        return true;
    }

    private static bool TryDecodeSegment(string raw, out string segment)
    {
        segment = string.Empty;
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2]))
                {
                    return false;
                }

                bytes.Add((byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2])));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                bytes.AddRange(StrictUtf8.GetBytes(c.ToString()));
            }
        }

        if (bytes.Count > MaxSegmentBytes)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        foreach (var ch in decoded)
        {
            if (ch == '/' || ch == '\\' || char.IsControl(ch) || ch == '\uFFFD')
            {
                return false;
            }
        }

        if (decoded is "." or "..")
        {
            return false;
        }

        segment = decoded.IsNormalized(NormalizationForm.FormC) ? decoded : decoded.Normalize(NormalizationForm.FormC);
        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
