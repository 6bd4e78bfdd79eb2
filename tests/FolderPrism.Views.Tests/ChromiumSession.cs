using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FolderPrism.Views.Tests;

/// <summary>
/// Headless Debian <c>chromium</c> driven over the Chrome DevTools Protocol (a WebSocket to its
/// <c>--remote-debugging-port</c>): navigation, script evaluation and real input events (touch and mouse go through
/// Chromium's input pipeline, so the page sees genuine pointer events).
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly Dictionary<int, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _nextId;

    private ChromiumSession(Process process, ClientWebSocket socket)
    {
        _process = process;
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    public static async Task<ChromiumSession> StartAsync(string profile, CancellationToken ct)
    {
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo("chromium") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync(ct);
        _ = process.StandardError.ReadToEndAsync(ct);
        try
        {
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile, ct)).Length < 2)
            {
                process.HasExited.ShouldBeFalse("chromium exited before opening its debugging port");
                await Task.Delay(100, ct);
            }

            var port = (await File.ReadAllLinesAsync(portFile, ct))[0].Trim();
            using var http = new HttpClient();
            string? page = null;
            while (page is null)
            {
                var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", ct))!.AsArray();
                page = targets.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
                if (page is null)
                {
                    await Task.Delay(100, ct);
                }
            }

            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(page), ct);
            return new ChromiumSession(process, socket);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken ct)
    {
        var source = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_lock)
        {
            id = ++_nextId;
            _pending[id] = source;
        }

        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, true, ct);
        var reply = await source.Task.WaitAsync(ct);
        if (reply.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method}: {error}");
        }

        return reply.GetProperty("result");
    }

    /// <summary>Evaluates a JavaScript expression (promises awaited) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken ct)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true }, ct);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"{expression}: {exception}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    /// <summary>Polls a boolean expression until it is true.</summary>
    public async Task WaitForAsync(string expression, CancellationToken ct)
    {
        while (!(await EvaluateAsync(expression, ct) is { ValueKind: JsonValueKind.True }))
        {
            await Task.Delay(100, ct);
        }
    }

    /// <summary>The viewport rectangle (CSS pixels) of the first element matching <paramref name="selector"/>.</summary>
    public async Task<(double X, double Y, double Width, double Height)> RectAsync(string selector, CancellationToken ct)
    {
        var r = await EvaluateAsync($"(() => {{ const r = document.querySelector({JsonSerializer.Serialize(selector)}).getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }})()", ct);
        return (r[0].GetDouble(), r[1].GetDouble(), r[2].GetDouble(), r[3].GetDouble());
    }

    public async Task ClickAsync(double x, double y, CancellationToken ct)
    {
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y }, ct);
        await SendAsync("Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", clickCount = 1 }, ct);
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", clickCount = 1 }, ct);
    }

    /// <summary>A one-finger drag from one point to another in <paramref name="steps"/> moves.</summary>
    public async Task TouchDragAsync((double X, double Y) from, (double X, double Y) to, int steps, CancellationToken ct)
    {
        await SendAsync("Input.dispatchTouchEvent", new { type = "touchStart", touchPoints = new[] { new { x = from.X, y = from.Y } } }, ct);
        for (var i = 1; i <= steps; i++)
        {
            var (x, y) = (from.X + ((to.X - from.X) * i / steps), from.Y + ((to.Y - from.Y) * i / steps));
            await SendAsync("Input.dispatchTouchEvent", new { type = "touchMove", touchPoints = new[] { new { x, y } } }, ct);
        }

        await SendAsync("Input.dispatchTouchEvent", new { type = "touchEnd", touchPoints = Array.Empty<object>() }, ct);
    }

    /// <summary>A left-button mouse drag.</summary>
    public async Task MouseDragAsync((double X, double Y) from, (double X, double Y) to, int steps, CancellationToken ct)
    {
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseMoved", x = from.X, y = from.Y }, ct);
        await SendAsync("Input.dispatchMouseEvent", new { type = "mousePressed", x = from.X, y = from.Y, button = "left", buttons = 1, clickCount = 1 }, ct);
        for (var i = 1; i <= steps; i++)
        {
            var (x, y) = (from.X + ((to.X - from.X) * i / steps), from.Y + ((to.Y - from.Y) * i / steps));
            await SendAsync("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y, button = "left", buttons = 1 }, ct);
        }

        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseReleased", x = to.X, y = to.Y, button = "left", buttons = 0, clickCount = 1 }, ct);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var doc = JsonDocument.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length)).RootElement.Clone();
                message.SetLength(0);
                if (doc.TryGetProperty("id", out var id))
                {
                    TaskCompletionSource<JsonElement>? source;
                    lock (_lock)
                    {
                        _pending.Remove(id.GetInt32(), out source);
                    }

                    source?.TrySetResult(doc);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // closed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        finally
        {
            _socket.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            _stop.Dispose();
        }
    }
}
