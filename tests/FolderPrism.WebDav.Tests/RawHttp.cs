using System.Net.Sockets;
using System.Text;

namespace FolderPrism.WebDav.Tests;

/// <summary>Sends byte-exact HTTP/1.1 requests (HttpClient normalises paths, which would hide traversal attempts).</summary>
public static class RawHttp
{
    public static string BasicAuth(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    /// <summary>Sends <paramref name="method"/> <paramref name="target"/> verbatim and returns the status code and raw response.</summary>
    public static async Task<(int Status, string Response)> SendAsync(DavServerFixture server, string method, string target, string body = "")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.BaseUri.Host, server.BaseUri.Port);
        var stream = client.GetStream();
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        var head = $"{method} {target} HTTP/1.1\r\nHost: {server.BaseUri.Authority}\r\n"
                   + $"Authorization: {BasicAuth(DavServerFixture.EditorUser, DavServerFixture.EditorPassword)}\r\n"
                   + $"Content-Length: {bodyBytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head));
        await stream.WriteAsync(bodyBytes);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
