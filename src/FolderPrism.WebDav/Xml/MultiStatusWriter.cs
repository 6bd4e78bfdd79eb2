using System.Xml;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Properties;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Xml;

/// <summary>
/// Streams a 207 multistatus straight into the response body with an async <see cref="XmlWriter"/>; the writer's
/// own buffer is the only buffer, so a 10,000-entry listing never exists in memory as a whole.
/// </summary>
public sealed class MultiStatusWriter : IAsyncDisposable
{
    private readonly HttpResponse _response;
    private int _pending;

    private MultiStatusWriter(HttpResponse response, XmlWriter writer)
    {
        _response = response;
        Writer = writer;
    }

    public XmlWriter Writer { get; }

    public static async Task<MultiStatusWriter> StartAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status207MultiStatus;
        response.ContentType = DavResponses.XmlContentType;
        var writer = XmlWriter.Create(response.Body, DavResponses.WriterSettings);
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(DavNames.Prefix, "multistatus", DavNames.Namespace);
        return new MultiStatusWriter(response, writer);
    }

    /// <summary>A <c>response</c> carrying only an href and a status (DELETE/COPY partial failures).</summary>
    public async Task WriteStatusAsync(string href, int status)
    {
        await Writer.WriteStartElementAsync(DavNames.Prefix, "response", DavNames.Namespace);
        await Writer.WriteElementStringAsync(DavNames.Prefix, "href", DavNames.Namespace, href);
        await Writer.WriteElementStringAsync(DavNames.Prefix, "status", DavNames.Namespace, DavResponses.StatusLine(status));
        await Writer.WriteEndElementAsync();
        await ResponseDoneAsync();
    }

    /// <summary>Called after each response element; flushes to the client every few dozen entries.</summary>
    public async Task ResponseDoneAsync()
    {
        if (++_pending >= 64)
        {
            _pending = 0;
            await Writer.FlushAsync();
        }
    }

    public async Task EndAsync()
    {
        await Writer.WriteEndElementAsync();
        await Writer.WriteEndDocumentAsync();
        await Writer.FlushAsync();
        await _response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Writer.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away mid-listing; nothing is left to tell it.
        }
    }
}
