namespace FolderPrism.Host.Configuration;

/// <summary>Where Kestrel listens: the top-level <c>Urls</c> key (ASP.NET Core's own name for it).</summary>
public sealed class ServerOptions
{
    public const string UrlsKey = "Urls";
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>';'-separated absolute http/https URLs, e.g. <c>http://0.0.0.0:5080</c> to listen on the LAN.</summary>
    public string Urls { get; set; } = DefaultUrls;

    public IEnumerable<string> UrlList =>
        Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
