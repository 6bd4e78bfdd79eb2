using System.Text;
using System.Xml.Linq;

namespace FolderPrism.WebDav.Tests;

/// <summary>WebDAV verbs over <see cref="HttpClient"/> for the protocol tests.</summary>
public static class DavClient
{
    public static readonly XNamespace Dav = "DAV:";

    public static Task<HttpResponseMessage> SendAsync(
        this HttpClient client, string method, string url, string? body = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/xml");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return client.SendAsync(request);
    }

    public static async Task<XDocument> PropFindAsync(this HttpClient client, string url, string depth, string? body = null)
    {
        using var response = await client.SendAsync("PROPFIND", url, body, ("Depth", depth));
        ((int)response.StatusCode).ShouldBe(207, await response.Content.ReadAsStringAsync());
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public static async Task PutTextAsync(this HttpClient client, string url, string text)
    {
        using var response = await client.PutAsync(url, new StringContent(text));
        response.IsSuccessStatusCode.ShouldBeTrue(response.StatusCode.ToString());
    }

    public static string PropPatchBody(string ns, string name, string value) =>
        $"""<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:" xmlns:Z="{ns}"><D:set><D:prop><Z:{name}>{value}</Z:{name}></D:prop></D:set></D:propertyupdate>""";
}
