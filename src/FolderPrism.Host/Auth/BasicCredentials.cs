using System.Net.Http.Headers;
using System.Text;

namespace FolderPrism.Host.Auth;

/// <summary>User name and password from an <c>Authorization: Basic</c> header (RFC 7617, UTF-8).</summary>
internal readonly record struct BasicCredentials(string UserName, string Password)
{
    /// <summary>Longest header we decode; anything longer is not a credential we could have issued.</summary>
    private const int MaxHeaderLength = 4096;

    public static bool TryParse(string? header, out BasicCredentials credentials)
    {
        credentials = default;
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength
            || !AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(value.Parameter))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        credentials = new BasicCredentials(decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}
