using System.Xml;
using System.Xml.Linq;
using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Xml;

/// <summary>
/// Reads a WebDAV XML request body safely: bounded size (413), no DTD (so no external entities and no entity
/// expansion bombs), no resolver, bounded depth; anything malformed, including bad namespace declarations, is a 400.
/// </summary>
public static class DavXmlBody
{
    /// <summary>The parsed body, or null when the request has none.</summary>
    public static async Task<XDocument?> ReadAsync(HttpRequest request, WebDavOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return null;
        }

        if (request.ContentLength > options.MaxXmlBodyBytes)
        {
            throw new DavException(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxXmlBodyBytes)
            {
                throw new DavException(StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
        {
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = options.MaxXmlBodyBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        try
        {
            buffer.Position = 0;
            using (var probe = XmlReader.Create(buffer, settings))
            {
                while (probe.Read())
                {
                    if (probe.Depth > options.MaxXmlDepth)
                    {
                        throw new DavException(StatusCodes.Status400BadRequest, message: "XML body nested too deeply.");
                    }
                }
            }

            buffer.Position = 0;
            using var reader = XmlReader.Create(buffer, settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Malformed XML body: " + e.Message);
        }
    }

    /// <summary>Inner XML of an element as a self-contained fragment (namespace declarations included where needed).</summary>
    public static string InnerXml(XElement element) =>
        string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces)));
}
