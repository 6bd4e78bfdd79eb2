using System.Xml.Linq;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;
using FolderPrism.WebDav.Store;
using FolderPrism.WebDav.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// PROPPATCH: sets/removes dead properties in any namespace atomically, always answering 207 per property. Live
/// properties are protected (403, and 424 for the rest, nothing applied). Windows' <c>Win32LastModifiedTime</c> also
/// moves the file's mtime so Explorer copies keep their dates.
/// </summary>
internal sealed class PropPatchHandler(
    IDavStore store, IDeadPropertyStore deadProperties, LivePropertyCatalog catalog, WriteGuard guard,
    IOptions<WebDavOptions> options) : IDavMethodHandler
{
    public IReadOnlyCollection<string> Methods { get; } = ["PROPPATCH"];

    public async Task HandleAsync(DavContext context)
    {
        var item = await store.GetItemAsync(context.Path, context.Aborted) ?? throw new DavException(StatusCodes.Status404NotFound);
        await guard.CheckConditionsAsync(context, item);
        guard.CheckLocks(context, context.Path, includeParent: false, includeDescendants: false);
        var body = await DavXmlBody.ReadAsync(context.Request, options.Value, context.Aborted);
        var changes = ParseChanges(body);
        var results = new List<(XName Name, int Status)>();
        var protectedNames = changes.Where(c => catalog.IsLive(c.Name)).Select(c => c.Name).ToHashSet();
        if (protectedNames.Count > 0)
        {
            results.AddRange(changes.Select(c => (c.Name, protectedNames.Contains(c.Name) ? StatusCodes.Status403Forbidden : StatusCodes.Status424FailedDependency)));
        }
        else
        {
            await deadProperties.PatchAsync(context.Path, changes, context.Aborted);
            ApplyWin32Mtime(item, changes);
            results.AddRange(changes.Select(c => (c.Name, StatusCodes.Status200OK)));
        }

        await using var multistatus = await MultiStatusWriter.StartAsync(context.Response);
        var w = multistatus.Writer;
        var elements = new PropertyElementWriter();
        w.WriteStartElement(DavNames.Prefix, "response", DavNames.Namespace);
        w.WriteElementString(DavNames.Prefix, "href", DavNames.Namespace, HrefEncoder.Encode(item.Path, item.IsCollection));
        foreach (var group in results.DistinctBy(r => r.Name).GroupBy(r => r.Status))
        {
            w.WriteStartElement(DavNames.Prefix, "propstat", DavNames.Namespace);
            w.WriteStartElement(DavNames.Prefix, "prop", DavNames.Namespace);
            foreach (var (name, _) in group)
            {
                elements.WriteEmpty(w, name);
            }

            w.WriteEndElement();
            w.WriteElementString(DavNames.Prefix, "status", DavNames.Namespace, DavResponses.StatusLine(group.Key));
            if (group.Key == StatusCodes.Status403Forbidden)
            {
                w.WriteStartElement(DavNames.Prefix, "error", DavNames.Namespace);
                w.WriteStartElement(DavNames.Prefix, "cannot-modify-protected-property", DavNames.Namespace);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        await multistatus.EndAsync();
    }

    private static List<DeadPropertyChange> ParseChanges(XDocument? body)
    {
        if (body?.Root is null || body.Root.Name != DavNames.Dav + "propertyupdate")
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Expected DAV:propertyupdate.");
        }

        var changes = new List<DeadPropertyChange>();
        foreach (var instruction in body.Root.Elements())
        {
            var remove = instruction.Name == DavNames.Dav + "remove";
            if (!remove && instruction.Name != DavNames.Dav + "set")
            {
                continue;
            }

            foreach (var prop in instruction.Elements(DavNames.Dav + "prop").SelectMany(p => p.Elements()))
            {
                changes.Add(new DeadPropertyChange(prop.Name, remove ? null : DavXmlBody.InnerXml(prop)));
            }
        }

        return changes.Count == 0 ? throw new DavException(StatusCodes.Status400BadRequest, message: "No properties to update.") : changes;
    }

    private static void ApplyWin32Mtime(IDavItem item, List<DeadPropertyChange> changes)
    {
        var set = changes.LastOrDefault(c => c.Name == DavNames.Win32LastModifiedTime && c.Value is not null);
        if (set is null || item.PhysicalPath is null || !HeaderUtilities.TryParseDate(System.Net.WebUtility.HtmlDecode(set.Value), out var when))
        {
            return;
        }

        try
        {
            if (item.IsCollection)
            {
                Directory.SetLastWriteTimeUtc(item.PhysicalPath, when.UtcDateTime);
            }
            else
            {
                File.SetLastWriteTimeUtc(item.PhysicalPath, when.UtcDateTime);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The property itself is stored; failing to move the mtime must not fail Explorer's copy.
        }
    }
}
