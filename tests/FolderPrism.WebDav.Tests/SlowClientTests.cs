using System.Net.Sockets;
using System.Text;

namespace FolderPrism.WebDav.Tests;

/// <summary>
/// Clients that stop reading in the middle of a GET body (a paused video player, a file manager busy elsewhere): they
/// keep their connection for <c>WebDav:SendTimeout</c>, on the sendfile path and on the copy path alike, and lose it
/// after that. Kestrel's own minimum response rate counts no bytes written with GetMemory/Advance and would reset
/// them after its 5 s grace period.
/// </summary>
// Not beside DirectSendTests, which counts the process's sending threads.
[Collection(SendingThreadsCollection.Name)]
public sealed class SlowClientTests
{
    private const int FileBytes = 32 * 1024 * 1024;

    // Longer than Kestrel's grace period (5 s) plus its once-a-second timeout check, counted from the last write that
    // went through: a sending thread waits 2 s for a stalled client before the rest of its region goes on waiting.
    private static readonly TimeSpan LongPause = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_that_pauses_longer_than_Kestrels_grace_period_still_gets_every_byte(bool directFileSend)
    {
        await WithServerAsync(directFileSend, "00:05:00", async server =>
        {
            var video = await WriteVideoAsync(server);
            using var client = await StartDownloadAsync(server);
            await Task.Delay(LongPause);

            var response = await new RawResponseReader(client.GetStream()).ReadAsync();
            response.Status.ShouldBe(200);
            response.Body.SequenceEqual(video).ShouldBeTrue();
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_that_stops_reading_for_longer_than_the_send_timeout_loses_the_connection(bool directFileSend)
    {
        await WithServerAsync(directFileSend, "00:00:02", async server =>
        {
            await WriteVideoAsync(server);
            using var client = await StartDownloadAsync(server);

            // The server resets the connection: the client's socket gets a pending error while the bytes the server
            // had sent still wait unread in its buffer.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            var error = 0;
            while (error == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
                error = (int)client.Client.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
            }

            error.ShouldNotBe(0);
            client.Available.ShouldBeGreaterThan(0);
        });
    }

    private static async Task WithServerAsync(bool directFileSend, string sendTimeout, Func<DavServerFixture, Task> test)
    {
        var server = new DavServerFixture
        {
            Overrides = new Dictionary<string, string?>
            {
                ["WebDav:DirectFileSend"] = directFileSend ? "true" : "false",
                ["WebDav:SendTimeout"] = sendTimeout,
            },
        };
        try
        {
            await server.InitializeAsync();
            await test(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<byte[]> WriteVideoAsync(DavServerFixture server)
    {
        var video = new byte[FileBytes];
        new Random(5).NextBytes(video);
        await File.WriteAllBytesAsync(Path.Combine(server.OriginalsPath, "video.bin"), video);
        return video;
    }

    /// <summary>Sends the GET and reads nothing: the server fills the socket buffers, then its write waits.</summary>
    private static async Task<TcpClient> StartDownloadAsync(DavServerFixture server)
    {
        var client = new TcpClient { ReceiveBufferSize = 64 * 1024 };
        await client.ConnectAsync(server.BaseUri.Host, server.BaseUri.Port);
        await client.GetStream().WriteAsync(Encoding.Latin1.GetBytes(
            $"GET /Originals/video.bin HTTP/1.1\r\nHost: {server.BaseUri.Authority}\r\nAuthorization: "
            + RawHttp.BasicAuth(DavServerFixture.EditorUser, DavServerFixture.EditorPassword) + "\r\n\r\n"));
        return client;
    }
}
