using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Text;
using FolderPrism.WebDav.Http.DirectSend;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.WebDav.Tests;

/// <summary>
/// GET bodies sent with sendfile(2) by the connection's own sender: the bytes on the wire must be exactly Kestrel's
/// headers, then the file, then the next response — on keep-alive and pipelined connections too — and a client that
/// goes away mid-body must end the send and release the file.
/// </summary>
// Not beside other tests that start sending threads: this class counts all of the process's.
[Collection(SendingThreadsCollection.Name)]
public sealed class DirectSendTests : IAsyncLifetime
{
    // Above SendFileThreads.MinRegionBytes, so whole-file GETs go out from a sending thread and the smaller ranges
    // below from the asynchronous path.
    private const int BigSize = 6 * 1024 * 1024 + 12345;
    private readonly DavServerFixture _server = new();
    private byte[] _big = [];
    private MeterListener? _listener;
    private long _sendfileBytes;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        _big = new byte[BigSize];
        new Random(7).NextBytes(_big);
        await File.WriteAllBytesAsync(Path.Combine(_server.OriginalsPath, "big file.bin"), _big);
        await File.WriteAllTextAsync(Path.Combine(_server.OriginalsPath, "small.txt"), "hello");
        var factory = _server.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DirectSendConnectionMiddleware.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _sendfileBytes, value));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener?.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Keep_alive_connection_serves_get_ranges_propfind_and_head_in_sequence_byte_exact()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server.BaseUri.Host, _server.BaseUri.Port);
        var stream = client.GetStream();
        var reader = new RawResponseReader(stream);

        await stream.WriteAsync(Request("GET", "/Originals/big%20file.bin"));
        var whole = await reader.ReadAsync();
        whole.Status.ShouldBe(200);
        whole.Body.ShouldBe(_big);

        await stream.WriteAsync(Request("GET", "/Originals/big%20file.bin", "Range: bytes=1000000-2999999\r\n"));
        var range = await reader.ReadAsync();
        range.Status.ShouldBe(206);
        range.Body.ShouldBe(_big[1_000_000..3_000_000]);

        // Parts sent with sendfile and small parts copied through Kestrel, interleaved with Kestrel's part headers.
        await stream.WriteAsync(Request("GET", "/Originals/big%20file.bin", "Range: bytes=0-9,100000-599999,-5\r\n"));
        var multi = await reader.ReadAsync();
        multi.Status.ShouldBe(206);
        var text = Encoding.Latin1.GetString(multi.Body);
        text.ShouldContain("Content-Range: bytes 0-9/" + BigSize + "\r\n\r\n" + Encoding.Latin1.GetString(_big[..10]) + "\r\n--");
        text.ShouldContain("Content-Range: bytes 100000-599999/" + BigSize + "\r\n\r\n"
                           + Encoding.Latin1.GetString(_big[100_000..600_000]) + "\r\n--");
        text.ShouldContain("Content-Range: bytes " + (BigSize - 5) + "-" + (BigSize - 1) + "/" + BigSize + "\r\n\r\n"
                           + Encoding.Latin1.GetString(_big[^5..]) + "\r\n--");

        await stream.WriteAsync(Request("PROPFIND", "/Originals/", "Depth: 1\r\n"));
        var listing = await reader.ReadAsync();
        listing.Status.ShouldBe(207);
        Encoding.UTF8.GetString(listing.Body).ShouldContain("big%20file.bin");

        await stream.WriteAsync(Request("GET", "/Originals/small.txt"));
        Encoding.UTF8.GetString((await reader.ReadAsync()).Body).ShouldBe("hello");

        // Last, a response without a file region: the sender counted every region before it sent these bytes.
        await stream.WriteAsync(Request("HEAD", "/Originals/big%20file.bin"));
        var head = await reader.ReadAsync(head: true);
        head.Headers["Content-Length"].ShouldBe(BigSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Every large body above went out through sendfile, not through Kestrel's buffers; the small ones did not.
        Interlocked.Read(ref _sendfileBytes).ShouldBe(BigSize + 2_000_000 + 500_000);
    }

    [Fact]
    public async Task Pipelined_requests_get_their_responses_in_order()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server.BaseUri.Host, _server.BaseUri.Port);
        var stream = client.GetStream();
        var reader = new RawResponseReader(stream);
        var pipelined = Request("GET", "/Originals/big%20file.bin", "Range: bytes=5-\r\n")
            .Concat(Request("PROPFIND", "/Originals/small.txt", "Depth: 0\r\n"))
            .Concat(Request("GET", "/Originals/big%20file.bin", "Range: bytes=-700000\r\n"))
            .Concat(Request("GET", "/Originals/small.txt", "Connection: close\r\n")).ToArray();
        await stream.WriteAsync(pipelined);

        (await reader.ReadAsync()).Body.ShouldBe(_big[5..]);
        (await reader.ReadAsync()).Status.ShouldBe(207);
        (await reader.ReadAsync()).Body.ShouldBe(_big[^700_000..]);
        Encoding.UTF8.GetString((await reader.ReadAsync()).Body).ShouldBe("hello");
        (await reader.AtEndAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Http10_request_gets_the_file_and_a_close()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server.BaseUri.Host, _server.BaseUri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(
            $"GET /Originals/big%20file.bin HTTP/1.0\r\nHost: {_server.BaseUri.Authority}\r\nAuthorization: "
            + RawHttp.BasicAuth(DavServerFixture.EditorUser, DavServerFixture.EditorPassword) + "\r\n\r\n"));
        var reader = new RawResponseReader(stream);
        (await reader.ReadAsync()).Body.ShouldBe(_big);
        (await reader.AtEndAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Client_disconnect_mid_body_ends_the_send_and_releases_the_file()
    {
        var path = Path.Combine(_server.OriginalsPath, "huge.bin");
        await using (var file = File.Create(path))
        {
            file.SetLength(256L * 1024 * 1024);
        }

        using (var client = new TcpClient())
        {
            client.ReceiveBufferSize = 64 * 1024;
            await client.ConnectAsync(_server.BaseUri.Host, _server.BaseUri.Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Request("GET", "/Originals/huge.bin"));
            var some = new byte[64 * 1024];
            (await stream.ReadAsync(some)).ShouldBeGreaterThan(0);
            client.Client.LingerState = new LingerOption(true, 0);
        }

        // The server notices, stops sending and closes the file (no descriptor of this process points at it).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (OpenDescriptorsOf(path) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        OpenDescriptorsOf(path).ShouldBe(0);
        Interlocked.Read(ref _sendfileBytes).ShouldBeLessThan(256L * 1024 * 1024);

        // The server still serves new connections normally.
        using var next = _server.CreateClient();
        (await next.GetByteArrayAsync("Originals/big%20file.bin")).ShouldBe(_big);
    }

    [Fact]
    public async Task Clients_that_stop_reading_give_their_sending_threads_back_and_still_get_every_byte()
    {
        var path = Path.Combine(_server.OriginalsPath, "video.bin");
        var video = new byte[48 * 1024 * 1024];
        new Random(11).NextBytes(video);
        await File.WriteAllBytesAsync(path, video);
        var stalled = new List<TcpClient>();
        try
        {
            // More stalled downloads than there are sending threads.
            for (var i = 0; i < Math.Max(2, Environment.ProcessorCount) + 1; i++)
            {
                var client = new TcpClient { ReceiveBufferSize = 64 * 1024 };
                stalled.Add(client);
                await client.ConnectAsync(_server.BaseUri.Host, _server.BaseUri.Port);
                await client.GetStream().WriteAsync(Request("GET", "/Originals/video.bin"));
            }

            // Each thread sends until the client's socket buffers are full, then waits for the client.
            var started = DateTime.UtcNow.AddSeconds(10);
            while (SendingThreads() == 0 && DateTime.UtcNow < started)
            {
                await Task.Delay(20);
            }

            SendingThreads().ShouldBeGreaterThan(0);

            // Meanwhile another download is served in full, and every thread is handed back within a few seconds.
            using (var other = _server.CreateClient())
            {
                (await other.GetByteArrayAsync("Originals/big%20file.bin")).ShouldBe(_big);
            }

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (SendingThreads() > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            SendingThreads().ShouldBe(0);

            // The stalled clients read on: the asynchronous path sends exactly the rest of each file.
            foreach (var client in stalled)
            {
                var response = await new RawResponseReader(client.GetStream()).ReadAsync();
                response.Status.ShouldBe(200);
                response.Body.SequenceEqual(video).ShouldBeTrue();
            }
        }
        finally
        {
            stalled.ForEach(client => client.Dispose());
        }
    }

    private static int SendingThreads() =>
        Directory.EnumerateDirectories("/proc/self/task").Count(task =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(task, "comm")).TrimEnd() == SendFileThreads.ThreadName;
            }
            catch (IOException)
            {
                return false;
            }
        });

    private byte[] Request(string method, string target, string extraHeaders = "") =>
        Encoding.Latin1.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {_server.BaseUri.Authority}\r\nAuthorization: "
                                 + RawHttp.BasicAuth(DavServerFixture.EditorUser, DavServerFixture.EditorPassword)
                                 + "\r\nContent-Length: 0\r\n" + extraHeaders + "\r\n");

    private static int OpenDescriptorsOf(string path) =>
        Directory.EnumerateFileSystemEntries("/proc/self/fd").Count(fd =>
        {
            try
            {
                return new FileInfo(fd).LinkTarget == path;
            }
            catch (IOException)
            {
                return false;
            }
        });
}
