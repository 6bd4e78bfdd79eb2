using System.Text;
using System.Xml;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Http;

/// <summary>Small response helpers shared by the handlers.</summary>
public static class DavResponses
{
    public const string XmlContentType = "application/xml; charset=utf-8";

    public static XmlWriterSettings WriterSettings { get; } = new()
    {
        Encoding = new UTF8Encoding(false), Indent = false, CloseOutput = false,
    };

    /// <summary>A synchronous writer appending to the response pipe; pair with <see cref="FlushAsync"/>.</summary>
    public static XmlWriter CreateXmlWriter(HttpResponse response) =>
        XmlWriter.Create(new Xml.PipeWriterStream(response.BodyWriter), WriterSettings);

    /// <summary>Pushes what the writer buffered into the pipe and flushes the pipe to the client asynchronously.</summary>
    public static async Task FlushAsync(XmlWriter writer, HttpResponse response)
    {
        writer.Flush();
        var result = await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted);
        if (result.IsCanceled)
        {
            throw new OperationCanceledException("The response was cancelled.");
        }
    }

    /// <summary>Status only, with an empty body.</summary>
    public static void Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        response.ContentLength = 0;
    }

    /// <summary>Status plus <c>&lt;D:error&gt;&lt;D:{condition}&gt;[href]&lt;/D:{condition}&gt;&lt;/D:error&gt;</c>.</summary>
    public static async Task ErrorAsync(HttpResponse response, int status, string condition, DavPath? href, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = XmlContentType;
        using var w = CreateXmlWriter(response);
        w.WriteStartDocument();
        w.WriteStartElement(DavNames.Prefix, "error", DavNames.Namespace);
        w.WriteStartElement(DavNames.Prefix, condition, DavNames.Namespace);
        if (href is not null)
        {
            w.WriteElementString(DavNames.Prefix, "href", DavNames.Namespace, HrefEncoder.Encode(href, false));
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
        cancellationToken.ThrowIfCancellationRequested();
        await FlushAsync(w, response);
    }

    public static string StatusLine(int status) =>
        $"HTTP/1.1 {status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}";
}
