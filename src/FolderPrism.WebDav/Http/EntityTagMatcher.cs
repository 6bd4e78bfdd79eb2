namespace FolderPrism.WebDav.Http;

/// <summary>RFC 7232 entity-tag list matching for If-Match / If-None-Match / If-Range.</summary>
public static class EntityTagMatcher
{
    /// <summary>True when <paramref name="header"/> lists <paramref name="etag"/> (or is <c>*</c> and the entity exists).</summary>
    public static bool Matches(string header, string? etag, bool weakComparison)
    {
        if (etag is null)
        {
            return false;
        }

        foreach (var raw in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "*")
            {
                return true;
            }

            var isWeak = raw.StartsWith("W/", StringComparison.Ordinal);
            if (isWeak && !weakComparison)
            {
                continue;
            }

            var candidate = isWeak ? raw[2..] : raw;
            if (string.Equals(candidate, etag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
