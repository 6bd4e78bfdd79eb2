using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Configuration;

/// <summary>Checks that every entry of <c>Urls</c> is an absolute http(s) URL Kestrel can bind.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var urls = options.UrlList.ToList();
        if (urls.Count == 0)
        {
            return ValidateOptionsResult.Fail("Urls is empty (expected e.g. http://127.0.0.1:5080)");
        }

        foreach (var url in urls)
        {
            // Kestrel accepts '*' and '+' as "any address"; Uri does not, so check a stand-in host.
            var candidate = url.Replace("://*", "://any-host", StringComparison.Ordinal)
                .Replace("://+", "://any-host", StringComparison.Ordinal);
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host)
                || uri.AbsolutePath != "/"
                || !string.IsNullOrEmpty(uri.Query))
            {
                return ValidateOptionsResult.Fail(
                    $"Urls: '{url}' is not a valid listen URL (expected e.g. http://127.0.0.1:5080 or https://0.0.0.0:5443)");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
