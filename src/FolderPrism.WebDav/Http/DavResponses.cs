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
        Async = true, Encoding = new UTF8Encoding(false), Indent = false, CloseOutput = false,
    };

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
        await using var w = XmlWriter.Create(response.Body, WriterSettings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(DavNames.Prefix, "error", DavNames.Namespace);
        await w.WriteStartElementAsync(DavNames.Prefix, condition, DavNames.Namespace);
        if (href is not null)
        {
            await w.WriteElementStringAsync(DavNames.Prefix, "href", DavNames.Namespace, HrefEncoder.Encode(href, false));
        }

        await w.WriteEndElementAsync();
        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
        await w.FlushAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public static string StatusLine(int status) =>
        $"HTTP/1.1 {status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}";
}
