using System.Text;

namespace FolderPrism.WebDav.Paths;

/// <summary>
/// Encodes a <see cref="DavPath"/> as an href: every byte outside RFC 3986's unreserved set percent-encoded with
/// upper-case hex (gvfs and Windows compare hrefs textually), collections with a trailing slash.
/// </summary>
public static class HrefEncoder
{
    public static string Encode(DavPath path, bool collection)
    {
        var sb = new StringBuilder(path.Value.Length + 16);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var segment in path.Segments)
        {
            sb.Append('/');
            foreach (var rune in segment.EnumerateRunes())
            {
                if (rune.IsAscii && IsUnreserved((char)rune.Value))
                {
                    sb.Append((char)rune.Value);
                    continue;
                }

                var written = rune.EncodeToUtf8(buffer);
                for (var i = 0; i < written; i++)
                {
                    sb.Append('%').Append(buffer[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        if (sb.Length == 0 || collection)
        {
            sb.Append('/');
        }

        return sb.ToString();
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
