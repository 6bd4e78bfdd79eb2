using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace FolderPrism.WebDav.Tests;

/// <summary>
/// Reads HTTP/1.1 responses one after the other from a raw keep-alive connection, each body exactly as long as its
/// Content-Length (or its chunks) says (so a stray or missing byte shows up as a broken next response).
/// </summary>
public sealed class RawResponseReader(NetworkStream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public async Task<(int Status, Dictionary<string, string> Headers, byte[] Body)> ReadAsync(bool head = false)
    {
        var headerText = new StringBuilder();
        while (!headerText.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            headerText.Append((char)await ReadByteAsync());
        }

        var lines = headerText.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!head && headers.TryGetValue("Transfer-Encoding", out var coding))
        {
            coding.ShouldBe("chunked");
            return (status, headers, await ReadChunkedAsync());
        }

        var length = head || status is 304 or 204 ? 0 : long.Parse(headers["Content-Length"], CultureInfo.InvariantCulture);
        var body = await ReadExactlyAsync(length);
        return (status, headers, body);
    }

    private async Task<byte[]> ReadChunkedAsync()
    {
        using var body = new MemoryStream();
        while (true)
        {
            var size = Convert.ToInt64((await ReadLineAsync()).Split(';')[0], 16);
            if (size == 0)
            {
                while ((await ReadLineAsync()).Length > 0)
                {
                    // Trailer fields, none expected.
                }

                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(size));
            (await ReadLineAsync()).ShouldBeEmpty();
        }
    }

    private async Task<string> ReadLineAsync()
    {
        var line = new StringBuilder();
        while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
        {
            line.Append((char)await ReadByteAsync());
        }

        return line.ToString(0, line.Length - 2);
    }

    private async Task<byte[]> ReadExactlyAsync(long length)
    {
        var body = new byte[length];
        for (var filled = 0; filled < length;)
        {
            if (_start == _end)
            {
                await FillAsync();
            }

            var take = (int)Math.Min(_end - _start, length - filled);
            Array.Copy(_buffer, _start, body, filled, take);
            _start += take;
            filled += take;
        }

        return body;
    }

    /// <summary>True when the server closed the connection with nothing more to read.</summary>
    public async Task<bool> AtEndAsync()
    {
        if (_start < _end)
        {
            return false;
        }

        _end = await stream.ReadAsync(_buffer);
        _start = 0;
        return _end == 0;
    }

    private async Task<byte> ReadByteAsync()
    {
        if (_start == _end)
        {
            await FillAsync();
        }

        return _buffer[_start++];
    }

    private async Task FillAsync()
    {
        _end = await stream.ReadAsync(_buffer);
        _start = 0;
        if (_end == 0)
        {
            throw new EndOfStreamException("The server closed the connection in the middle of a response.");
        }
    }
}
