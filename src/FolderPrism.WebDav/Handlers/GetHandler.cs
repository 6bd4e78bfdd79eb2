using System.Buffers;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.Win32.SafeHandles;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// GET and HEAD: validators (304/412), single and multiple byte ranges (206/416, If-Range, capped count) and
/// file bodies sent by <see cref="FileBodySender"/> (sendfile(2) where possible). The request-aborted token cancels the send on disconnect.
/// </summary>
internal sealed class GetHandler(IDavStore store, IOptions<WebDavOptions> options, IEnumerable<IDavBrowserPages> pages)
    : IDavMethodHandler
{
    private const int StreamBufferSize = 256 * 1024;

    // Kestrel's default rate: what counts for writes made through the response stream (thumbnails, virtual items).
    private const double MinResponseBytesPerSecond = 240;

    public IReadOnlyCollection<string> Methods { get; } = [HttpMethods.Get, HttpMethods.Head];

    public async Task HandleAsync(DavContext context)
    {
        var head = HttpMethods.IsHead(context.Request.Method);
        var (item, file) = await FileLookup.LookUpAsync(store, context, wantsBytes: !head && !context.Request.Query.ContainsKey("thumb"));
        var owned = new StrongBox<SafeFileHandle?>(file); // emptied when a send takes the file over
        try
        {
            await HandleAsync(context, item, head, owned);
        }
        finally
        {
            owned.Value?.Dispose();
        }
    }

    /// <summary>Answers for one looked-up item, with its opened file (if any) in <paramref name="file"/>.</summary>
    private async Task HandleAsync(DavContext context, IDavItem item, bool head, StrongBox<SafeFileHandle?> file)
    {
        var response = context.Response;
        var browser = pages.FirstOrDefault();
        if (item.IsCollection)
        {
            var wantsHtml = context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
            if (!(wantsHtml && !head && browser is not null && await browser.TryWriteCollectionPageAsync(context, item)))
            {
                await WriteListingAsync(context, item, head);
            }

            return;
        }

        if (context.Request.Query.TryGetValue("thumb", out var thumb))
        {
            if (browser is null || !await browser.TryWriteThumbnailAsync(context, item, thumb.ToString()))
            {
                throw new DavException(StatusCodes.Status404NotFound);
            }

            return;
        }

        // Kestrel counts no bytes for bodies written with GetMemory/Advance, so its minimum rate would allow each
        // write only the grace period; this makes that period the send timeout (see WebDavOptions.SendTimeout).
        // HTTP/2 streams refuse a rate (their flow control is per stream) and write through the stream anyway.
        var rate = context.Http.Features.Get<IHttpMinResponseDataRateFeature>();
        var protocol = context.Request.Protocol;
        if (rate is not null && (HttpProtocol.IsHttp11(protocol) || HttpProtocol.IsHttp10(protocol)))
        {
            rate.MinDataRate = new MinDataRate(MinResponseBytesPerSecond, options.Value.SendTimeout);
        }

        var length = item.ContentLength;
        response.Headers.ETag = item.ETag;
        response.Headers.LastModified = item.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = item.ContentType;
        var status = EvaluateValidators(context.Request.Headers, item);
        if (status != 0)
        {
            DavResponses.Status(response, status);
            if (status == StatusCodes.Status304NotModified)
            {
                response.ContentLength = null;
            }

            return;
        }

        var ranges = RangesToServe(context.Request.Headers, item, length);
        if (ranges is { Count: 0 })
        {
            response.Headers.ContentRange = $"bytes */{length}";
            DavResponses.Status(response, StatusCodes.Status416RangeNotSatisfiable);
            return;
        }

        if (ranges is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentLength = length;
            if (!head)
            {
                await SendAsync(context, item, file, 0, length);
            }

            return;
        }

        response.StatusCode = StatusCodes.Status206PartialContent;
        if (ranges.Count == 1)
        {
            var r = ranges[0];
            response.Headers.ContentRange = $"bytes {r.From}-{r.To}/{length}";
            response.ContentLength = r.Length;
            if (!head)
            {
                await SendAsync(context, item, file, r.From, r.Length);
            }

            return;
        }

        var boundary = Guid.NewGuid().ToString("N");
        var parts = ranges.Select(r => (Range: r, Header: Encoding.ASCII.GetBytes(
            $"\r\n--{boundary}\r\nContent-Type: {item.ContentType}\r\nContent-Range: bytes {r.From}-{r.To}/{length}\r\n\r\n"))).ToList();
        var trailer = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        response.ContentType = "multipart/byteranges; boundary=" + boundary;
        response.ContentLength = parts.Sum(p => p.Header.Length + p.Range.Length) + trailer.Length;
        if (head)
        {
            return;
        }

        foreach (var (range, header) in parts)
        {
            await response.Body.WriteAsync(header, context.Aborted);
            if (file.Value is null)
            {
                await CopyStreamAsync(context, item, range.From, range.Length);
            }
            else
            {
                await FileBodySender.SendPartAsync(context, item, file.Value, range.From, range.Length);
            }
        }

        await response.Body.WriteAsync(trailer, context.Aborted);
    }

    private static int EvaluateValidators(IHeaderDictionary headers, IDavItem item)
    {
        var ifMatch = headers.IfMatch.ToString();
        if (ifMatch.Length > 0)
        {
            if (!EntityTagMatcher.Matches(ifMatch, item.ETag, weakComparison: false))
            {
                return StatusCodes.Status412PreconditionFailed;
            }
        }
        else if (HeaderUtilities.TryParseDate(headers.IfUnmodifiedSince.ToString(), out var unmodifiedSince)
                 && item.LastModified.ToUnixTimeSeconds() > unmodifiedSince.ToUnixTimeSeconds())
        {
            return StatusCodes.Status412PreconditionFailed;
        }

        var ifNoneMatch = headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
        {
            return EntityTagMatcher.Matches(ifNoneMatch, item.ETag, weakComparison: true) ? StatusCodes.Status304NotModified : 0;
        }

        return HeaderUtilities.TryParseDate(headers.IfModifiedSince.ToString(), out var modifiedSince)
               && item.LastModified.ToUnixTimeSeconds() <= modifiedSince.ToUnixTimeSeconds()
            ? StatusCodes.Status304NotModified
            : 0;
    }

    private List<ByteRange>? RangesToServe(IHeaderDictionary headers, IDavItem item, long length)
    {
        var range = headers.Range.ToString();
        if (range.Length == 0)
        {
            return null;
        }

        var ifRange = headers.IfRange.ToString().Trim();
        if (ifRange.Length > 0)
        {
            var stillValid = ifRange.StartsWith('"')
                ? string.Equals(ifRange, item.ETag, StringComparison.Ordinal)
                : !ifRange.StartsWith("W/", StringComparison.Ordinal) && HeaderUtilities.TryParseDate(ifRange, out var date)
                  && date.ToUnixTimeSeconds() == item.LastModified.ToUnixTimeSeconds();
            if (!stillValid)
            {
                return null;
            }
        }

        return RangeParser.Parse(range, length, options.Value.MaxRanges);
    }

    private static async Task SendAsync(DavContext context, IDavItem item, StrongBox<SafeFileHandle?> file, long offset, long count)
    {
        if (file.Value is { } handle)
        {
            file.Value = null;
            await FileBodySender.SendAsync(context, handle, offset, count);
        }
        else
        {
            await CopyStreamAsync(context, item, offset, count);
        }
    }

    private static async Task CopyStreamAsync(DavContext context, IDavItem item, long offset, long count)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
        try
        {
            await using var stream = await item.OpenReadAsync(context.Aborted);
            stream.Seek(offset, SeekOrigin.Begin);
            while (count > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), context.Aborted);
                if (read == 0)
                {
                    break;
                }

                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.Aborted);
                count -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task WriteListingAsync(DavContext context, IDavItem collection, bool head)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        if (head)
        {
            return;
        }

        var title = WebUtility.HtmlEncode(collection.Path.Value);
        await context.Response.WriteAsync($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><ul>\n", context.Aborted);
        await foreach (var child in collection.GetChildrenAsync(context.Aborted))
        {
            var href = WebUtility.HtmlEncode(HrefEncoder.Encode(child.Path, child.IsCollection));
            var name = WebUtility.HtmlEncode(child.DisplayName + (child.IsCollection ? "/" : string.Empty));
            await context.Response.WriteAsync($"<li><a href=\"{href}\">{name}</a></li>\n", context.Aborted);
        }

        await context.Response.WriteAsync("</ul></body></html>\n", context.Aborted);
    }
}
