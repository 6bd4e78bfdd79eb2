using System.Diagnostics.Metrics;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FolderPrism.WebDav.Http.DirectSend;

/// <summary>
/// Kestrel connection middleware that takes over sending a connection's output (see <see cref="DirectSendConnection"/>)
/// so GET can serve file bodies with sendfile(2), as Apache and nginx do, instead of copying every byte from the page
/// cache into Kestrel's buffers and again into the socket. Kestrel has no sendfile of its own and no way to tell when
/// its socket transport has drained, so writing to the socket beside it would race with its output; owning the
/// single writer of the socket is the race-free way. Off with <c>WebDav:DirectFileSend = false</c>.
/// </summary>
public static class DirectSendConnectionMiddleware
{
    /// <summary>
    /// Adds the middleware to an endpoint. Register it first (closest to the socket); on TLS endpoints it still sends
    /// the encrypted bytes but GET never declares file regions there (the request is HTTPS).
    /// </summary>
    public static ListenOptions UseFolderPrismDirectSend(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next =>
        {
            var services = listen.ApplicationServices;
            var enabled = services.GetService<IOptions<WebDavOptions>>()?.Value.DirectFileSend ?? false;
            if (!enabled || !OperatingSystem.IsLinux())
            {
                return next;
            }

            // Bytes sent with sendfile(2): shows in dotnet-counters and lets tests see which path a body took.
            var sentBytes = services.GetService<IMeterFactory>()?.Create(MeterName)
                .CreateCounter<long>("folderprism.webdav.sendfile.bytes", "By", "File bytes sent with sendfile(2)");
            var threads = SendFileThreads.ForThisMachine();
            return connection => RunAsync(connection, next, sentBytes, threads);
        });
        return listen;
    }

    /// <summary>Name of the meter that counts bytes sent with sendfile(2) (<c>folderprism.webdav.sendfile.bytes</c>).</summary>
    public const string MeterName = "FolderPrism.WebDav";

    private static async Task RunAsync(ConnectionContext connection, ConnectionDelegate next, Counter<long>? sentBytes, SendFileThreads threads)
    {
        var socket = connection.Features.Get<IConnectionSocketFeature>()?.Socket;
        if (socket is not { SocketType: SocketType.Stream })
        {
            await next(connection);
            return;
        }

        var original = connection.Transport;
        var direct = new DirectSendConnection(connection, socket, original.Output,
            connection.Features.Get<IMemoryPoolFeature>()?.MemoryPool, sentBytes, threads);
        connection.Transport = new DuplexPipe(original.Input, direct.Output);
        connection.Features.Set<IFileRegionSender>(direct);
        var sending = direct.RunAsync();
        try
        {
            await next(connection);
        }
        finally
        {
            // Kestrel has normally completed the output already; this ends the loop in every case.
            await direct.Output.CompleteAsync();
            await sending;
            connection.Transport = original;
        }
    }
}
