using System.Xml;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Properties;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Xml;

/// <summary>
/// Streams a 207 multistatus straight into the response body pipe; every 64 entries the pipe is flushed
/// asynchronously (back-pressure), so a 10,000-entry listing never exists in memory as a whole.
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

    public static Task<MultiStatusWriter> StartAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status207MultiStatus;
        response.ContentType = DavResponses.XmlContentType;
        var writer = DavResponses.CreateXmlWriter(response);
        writer.WriteStartDocument();
        writer.WriteStartElement(DavNames.Prefix, "multistatus", DavNames.Namespace);
        return Task.FromResult(new MultiStatusWriter(response, writer));
    }

    /// <summary>A <c>response</c> carrying only an href and a status (DELETE/COPY partial failures).</summary>
    public async Task WriteStatusAsync(string href, int status)
    {
        Writer.WriteStartElement(DavNames.Prefix, "response", DavNames.Namespace);
        Writer.WriteElementString(DavNames.Prefix, "href", DavNames.Namespace, href);
        Writer.WriteElementString(DavNames.Prefix, "status", DavNames.Namespace, DavResponses.StatusLine(status));
        Writer.WriteEndElement();
        await ResponseDoneAsync();
    }

    /// <summary>Called after each response element; flushes to the client every few dozen entries.</summary>
    public async Task ResponseDoneAsync()
    {
        if (++_pending >= 64)
        {
            _pending = 0;
            await DavResponses.FlushAsync(Writer, _response);
        }
    }

    public async Task EndAsync()
    {
        Writer.WriteEndElement();
        Writer.WriteEndDocument();
        await DavResponses.FlushAsync(Writer, _response);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Writer.Dispose();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away mid-listing; nothing is left to tell it.
        }

        return ValueTask.CompletedTask;
    }
}
