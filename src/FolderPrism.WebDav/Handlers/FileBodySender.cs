using System.IO.Pipelines;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Http.DirectSend;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Win32.SafeHandles;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// Sends a byte range of a real file as (part of) a response body: with sendfile(2) through the connection's
/// <see cref="IFileRegionSender"/> when the response goes straight to Kestrel's HTTP/1.x output and the range is
/// large, else by positional reads into the response pipe's own buffer. Client disconnects end both quietly.
/// </summary>
internal static class FileBodySender
{
    // Also the placeholder step of the sendfile path (flushed per PlaceholdersPerFlush). 4 MiB steps were tried; on
    // the loaded test machine they measured no better and they take 4 MiB arrays from the shared pool per download.
    private const int ChunkSize = 1024 * 1024;

    // Placeholders are advanced over, never written, so their buffers (rented, uninitialised) stay untouched; one
    // flush per 16 MiB instead of per MiB saves ~1,900 thread-pool hops per GiB once a sending thread has run ahead.
    private const long PlaceholdersPerFlush = 16L * 1024 * 1024;

    // Below this the copy is cheaper than what sendfile adds per body: a separate send for the headers, the file
    // stream's fstat/lseek and one more hop through the connection's send loop (the mixed-load GETs are 64 KiB).
    private const long MinDirectBytes = 256 * 1024;

    /// <summary>
    /// Opens a file for <see cref="SendAsync"/> and <see cref="CopyAsync"/>. SendPacketsElement (sendfile) insists on
    /// a handle opened for asynchronous I/O; on Linux that flag changes nothing for the positional reads of the copy.
    /// </summary>
    public static SafeFileHandle Open(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan | FileOptions.Asynchronous);

    /// <summary>
    /// One part of a multipart/byteranges body from the item's open <paramref name="file"/> (kept by the caller). A
    /// large part goes out with sendfile from a handle of its own, since the transport holds it until the bytes are
    /// sent; should the path no longer be that file, the part is copied from the handle the response began with.
    /// </summary>
    public static async Task SendPartAsync(DavContext context, IDavItem item, SafeFileHandle file, long offset, long count)
    {
        if (count >= MinDirectBytes && DirectSender(context.Http) is { } direct && item.PhysicalPath is { } path)
        {
            SafeFileHandle? own = null;
            try
            {
                own = Open(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Moved away since the response began: copy from the handle below.
            }

            if (own is not null && FileLookup.Describes(item, own))
            {
                await SendDirectAsync(context, direct, own, offset, count);
                return;
            }

            own?.Dispose();
        }

        await CopyAsync(context, file, offset, count);
    }

    /// <summary>Starts the response and sends the range; takes ownership of <paramref name="handle"/>.</summary>
    public static async Task SendAsync(DavContext context, SafeFileHandle handle, long offset, long count)
    {
        var direct = count >= MinDirectBytes ? DirectSender(context.Http) : null;
        try
        {
            await context.Response.StartAsync(context.Aborted);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        if (direct is null)
        {
            using (handle)
            {
                await CopyAsync(context, handle, offset, count);
            }

            return;
        }

        await SendDirectAsync(context, direct, handle, offset, count);
    }

    /// <summary>
    /// The zero-copy path, only when nothing stands between the handler and Kestrel's HTTP/1.x writer: a middleware
    /// that replaced the body (compression, a capturing stream) would otherwise see placeholders, not the file.
    /// </summary>
    private static IFileRegionSender? DirectSender(HttpContext http)
    {
        var features = http.Features;
        var direct = features.Get<IFileRegionSender>();
        var protocol = http.Request.Protocol;
        var kestrelBody = ReferenceEquals(features.Get<IHttpResponseBodyFeature>(), features.Get<IHttpResponseFeature>());
        return direct is not null && kestrelBody && !http.Request.IsHttps
               && (HttpProtocol.IsHttp11(protocol) || HttpProtocol.IsHttp10(protocol))
            ? direct
            : null;
    }

    /// <summary>
    /// Flushes (so every earlier byte is in the transport), declares the file region, then advances Kestrel's writer
    /// over placeholders of the same length: Kestrel counts them against Content-Length and applies back-pressure;
    /// the transport sends the file's bytes in their place. A region left unfinished aborts the connection, since
    /// the transport would otherwise wait for placeholders that never come.
    /// </summary>
    private static async Task SendDirectAsync(DavContext context, IFileRegionSender direct, SafeFileHandle handle, long offset, long count)
    {
        var writer = context.Response.BodyWriter;
        FlushResult flushed;
        try
        {
            flushed = await writer.FlushAsync(context.Aborted);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        if (flushed.IsCompleted || flushed.IsCanceled)
        {
            handle.Dispose();
            return;
        }

        direct.BeginRegion(handle, offset, count);
        try
        {
            var unflushed = 0L;
            while (count > 0)
            {
                var placeholders = (int)Math.Min(writer.GetMemory((int)Math.Min(ChunkSize, count)).Length, count);
                writer.Advance(placeholders);
                count -= placeholders;
                unflushed += placeholders;
                if (unflushed < PlaceholdersPerFlush && count > 0)
                {
                    continue;
                }

                unflushed = 0;
                flushed = await writer.FlushAsync(context.Aborted);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }
        }
        finally
        {
            if (count > 0)
            {
                context.Http.Abort();
            }
        }
    }

    /// <summary>
    /// Without sendfile the fewest copies are: the kernel copies page cache straight into the response pipe's own
    /// buffer (positional read into <c>GetMemory</c>), and the socket sends that buffer. 1 MiB chunks keep syscalls
    /// and thread hops per MiB low; the flush applies the pipe's back-pressure. The caller keeps the handle.
    /// </summary>
    private static async Task CopyAsync(DavContext context, SafeFileHandle handle, long offset, long count)
    {
        var writer = context.Response.BodyWriter;
        while (count > 0)
        {
            var memory = writer.GetMemory((int)Math.Min(ChunkSize, count));
            if (memory.Length > count)
            {
                memory = memory[..(int)count];
            }

            // A synchronous pread: on Linux the async variant is the same blocking pread on another pool thread.
            var read = RandomAccess.Read(handle, memory.Span, offset);
            if (read == 0)
            {
                break;
            }

            writer.Advance(read);
            offset += read;
            count -= read;
            var flushed = await writer.FlushAsync(context.Aborted);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                break;
            }
        }
    }
}
