using System.Xml.Linq;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>PROPFIND Depth 1 names (folders end in '/') and simple WebDAV verbs against the test daemon.</summary>
internal static class DavListing
{
    private static readonly XNamespace Dav = "DAV:";

    public static async Task<List<string>> ListAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), Escape(path));
        request.Headers.Add("Depth", "1");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        ((int)response.StatusCode).ShouldBe(207, $"PROPFIND {path}: {text}");
        var self = Uri.UnescapeDataString(new Uri(http.BaseAddress!, Escape(path)).AbsolutePath).TrimEnd('/');
        return XDocument.Parse(text).Descendants(Dav + "href").Select(h => Uri.UnescapeDataString(h.Value))
            .Where(h => h.TrimEnd('/') != self)
            .Select(h => h.EndsWith('/') ? h.TrimEnd('/')[(h.TrimEnd('/').LastIndexOf('/') + 1)..] + "/" : h[(h.LastIndexOf('/') + 1)..])
            .ToList();
    }

    public static async Task<int> SendAsync(HttpClient http, string method, string path, CancellationToken ct, string? destination = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Escape(path));
        if (destination is not null)
        {
            request.Headers.Add("Destination", new Uri(http.BaseAddress!, Escape(destination)).ToString());
        }

        using var response = await http.SendAsync(request, ct);
        return (int)response.StatusCode;
    }

    public static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
