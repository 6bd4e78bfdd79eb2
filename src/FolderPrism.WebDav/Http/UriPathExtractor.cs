using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Http;

/// <summary>
/// Splits a Destination header or an If resource tag into its raw path, without any decoding (the path parser decodes
/// exactly once), and tells whether an absolute URI names another host.
/// </summary>
public static class UriPathExtractor
{
    public static bool TryExtract(string value, HttpRequest request, out string rawPath, out bool otherHost)
    {
        rawPath = value.Trim();
        otherHost = false;
        var scheme = rawPath.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && !rawPath.StartsWith('/'))
        {
            var authorityStart = scheme + 3;
            var pathStart = rawPath.IndexOf('/', authorityStart);
            var authority = pathStart < 0 ? rawPath[authorityStart..] : rawPath[authorityStart..pathStart];
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority[(at + 1)..];
            }

            otherHost = !SameAuthority(authority, request);
            rawPath = pathStart < 0 ? "/" : rawPath[pathStart..];
        }

        return rawPath.StartsWith('/');
    }

    private static bool SameAuthority(string authority, HttpRequest request)
    {
        var host = request.Host;
        if (string.Equals(authority, host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var defaultPort = request.IsHttps ? 443 : 80;
        var withPort = host.Port is null ? $"{host.Host}:{defaultPort}" : host.Value;
        var authorityWithPort = authority.Contains(':', StringComparison.Ordinal) && !authority.EndsWith(']') ? authority : $"{authority}:{defaultPort}";
        return string.Equals(authorityWithPort, withPort, StringComparison.OrdinalIgnoreCase);
    }
}
