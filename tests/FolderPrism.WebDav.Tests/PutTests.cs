using System.Net.Sockets;
using System.Text;

namespace FolderPrism.WebDav.Tests;

/// <summary>PUT edge cases real clients produce: aborts, chunked bodies, empty bodies, client mtimes, NFD names.</summary>
public sealed class PutTests : IAsyncLifetime
{
    private readonly DavServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Aborted_upload_leaves_no_file_and_no_temp()
    {
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(_server.BaseUri.Host, _server.BaseUri.Port);
            var stream = tcp.GetStream();
            var head = $"PUT /Originals/partial.bin HTTP/1.1\r\nHost: {_server.BaseUri.Authority}\r\n"
                       + $"Authorization: {RawHttp.BasicAuth(DavServerFixture.EditorUser, DavServerFixture.EditorPassword)}\r\n"
                       + "Content-Length: 10000000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(new byte[1_000_000]);
            await stream.FlushAsync();
            await Task.Delay(300);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Directory.EnumerateFileSystemEntries(_server.OriginalsPath).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Directory.EnumerateFileSystemEntries(_server.OriginalsPath).ShouldBeEmpty();
    }

    [Fact]
    public async Task Chunked_with_expected_length_empty_and_client_mtime()
    {
        using var client = _server.CreateClient();
        var payload = Encoding.UTF8.GetBytes(new string('z', 200_000));
        var chunked = new HttpRequestMessage(HttpMethod.Put, "Originals/chunked.txt") { Content = new StreamContent(new MemoryStream(payload)) };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.TryAddWithoutValidation("X-Expected-Entity-Length", payload.Length.ToString());
        chunked.Headers.TryAddWithoutValidation("X-OC-Mtime", "1500000000");
        using (var response = await client.SendAsync(chunked))
        {
            ((int)response.StatusCode).ShouldBe(201);
            response.Headers.GetValues("X-OC-Mtime").Single().ShouldBe("accepted");
        }

        var path = Path.Combine(_server.OriginalsPath, "chunked.txt");
        File.ReadAllBytes(path).ShouldBe(payload);
        File.GetLastWriteTimeUtc(path).ShouldBe(DateTime.UnixEpoch.AddSeconds(1_500_000_000));

        var (status, _) = await RawHttp.SendAsync(_server, "PUT", "/Originals/empty.txt");
        status.ShouldBe(201);
        new FileInfo(Path.Combine(_server.OriginalsPath, "empty.txt")).Length.ShouldBe(0);
    }

    [Fact]
    public async Task Nfd_request_finds_nfc_file_and_nfc_request_finds_nfd_file()
    {
        File.WriteAllText(Path.Combine(_server.OriginalsPath, "Grüße.txt".Normalize(NormalizationForm.FormC)), "nfc");
        File.WriteAllText(Path.Combine(_server.OriginalsPath, "Café.txt".Normalize(NormalizationForm.FormD)), "nfd");
        using var client = _server.CreateClient();
        (await client.GetStringAsync("Originals/Gru%CC%88%C3%9Fe.txt")).ShouldBe("nfc");
        (await client.GetStringAsync("Originals/Caf%C3%A9.txt")).ShouldBe("nfd");
        await client.PutTextAsync("Originals/Gru%CC%88n.txt", "written as NFD");
        File.Exists(Path.Combine(_server.OriginalsPath, "Grün.txt".Normalize(NormalizationForm.FormC))).ShouldBeTrue();
    }
}
