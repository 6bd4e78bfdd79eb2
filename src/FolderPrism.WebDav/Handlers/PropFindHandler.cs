using System.Xml.Linq;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;
using FolderPrism.WebDav.Store;
using FolderPrism.WebDav.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// PROPFIND, Depth 0 or 1 (infinity refused with <c>propfind-finite-depth</c>). Streams the multistatus; dead
/// properties of a whole listing come from one query, and none at all when only live properties are asked for.
/// </summary>
internal sealed class PropFindHandler(
    IDavStore store, IDeadPropertyStore deadProperties, ILockManager locks, LivePropertyCatalog catalog,
    IOptions<WebDavOptions> options, TimeProvider time) : IDavMethodHandler
{
    public IReadOnlyCollection<string> Methods { get; } = ["PROPFIND"];

    public async Task HandleAsync(DavContext context)
    {
        var (depth, noRoot) = ParseDepth(context.Request.Headers["Depth"].ToString());
        var request = PropFindRequest.Parse(await DavXmlBody.ReadAsync(context.Request, options.Value, context.Aborted));
        var item = await store.GetItemAsync(context.Path, context.Aborted) ?? throw new DavException(StatusCodes.Status404NotFound);
        var listing = depth == 1 && item.IsCollection;
        ILookup<string, DeadPropertyValue>? dead = null;
        if (request.Mode != PropFindMode.Prop || request.Names.Any(n => !catalog.IsLive(n)))
        {
            dead = listing
                ? await deadProperties.GetForListingAsync(item.Path, context.Aborted)
                : (await deadProperties.GetAsync(item.Path, context.Aborted)).ToLookup(v => v.Path, StringComparer.Ordinal);
        }

        var propertyContext = new DavPropertyContext(locks, time.GetUtcNow());
        var elements = new PropertyElementWriter();
        await using var multistatus = await MultiStatusWriter.StartAsync(context.Response);
        if (!(noRoot && listing))
        {
            await WriteResponseAsync(multistatus, item, request, dead, propertyContext, elements);
        }

        if (listing)
        {
            await foreach (var child in item.GetChildrenAsync(context.Aborted))
            {
                await WriteResponseAsync(multistatus, child, request, dead, propertyContext, elements);
            }
        }

        await multistatus.EndAsync();
    }

    private static (int Depth, bool NoRoot) ParseDepth(string header)
    {
        if (header.Length == 0)
        {
            return (1, false);
        }

        var parts = header.Split(',', StringSplitOptions.TrimEntries);
        var noRoot = parts.Skip(1).Any(p => p.Equals("noroot", StringComparison.OrdinalIgnoreCase));
        return parts[0].ToLowerInvariant() switch
        {
            "0" => (0, noRoot),
            "1" => (1, noRoot),
            "infinity" => throw new DavException(StatusCodes.Status403Forbidden, "propfind-finite-depth"),
            _ => throw new DavException(StatusCodes.Status400BadRequest, message: "Bad Depth header."),
        };
    }

    private static async Task WriteResponseAsync(
        MultiStatusWriter multistatus, IDavItem item, PropFindRequest request, ILookup<string, DeadPropertyValue>? dead,
        DavPropertyContext propertyContext, PropertyElementWriter elements)
    {
        var w = multistatus.Writer;
        var found = new List<(XName Name, DavLiveProperty? Live, DeadPropertyValue? Dead)>();
        var missing = new List<XName>();
        var deadValues = dead?[item.Path.Value];
        if (request.Mode == PropFindMode.Prop)
        {
            foreach (var name in request.Names)
            {
                Classify(item, name, deadValues, found, missing);
            }
        }
        else
        {
            foreach (var live in item.Properties.Properties)
            {
                if ((live.InAllProp || request.Mode == PropFindMode.PropName) && live.AppliesTo(item))
                {
                    found.Add((live.Name, live, null));
                }
            }

            foreach (var value in deadValues ?? [])
            {
                found.Add((value.Name, null, value));
            }

            foreach (var name in request.Names.Where(n => found.All(f => f.Name != n)))
            {
                Classify(item, name, deadValues, found, missing);
            }
        }

        w.WriteStartElement(DavNames.Prefix, "response", DavNames.Namespace);
        w.WriteElementString(DavNames.Prefix, "href", DavNames.Namespace, HrefEncoder.Encode(item.Path, item.IsCollection));
        if (found.Count > 0 || missing.Count == 0)
        {
            w.WriteStartElement(DavNames.Prefix, "propstat", DavNames.Namespace);
            w.WriteStartElement(DavNames.Prefix, "prop", DavNames.Namespace);
            foreach (var (name, live, deadValue) in found)
            {
                elements.Start(w, name);
                if (request.Mode != PropFindMode.PropName)
                {
                    if (live is not null)
                    {
                        live.WriteValue(w, item, propertyContext);
                    }
                    else
                    {
                        w.WriteRaw(deadValue!.Value);
                    }
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteElementString(DavNames.Prefix, "status", DavNames.Namespace, "HTTP/1.1 200 OK");
            w.WriteEndElement();
        }

        if (missing.Count > 0)
        {
            w.WriteStartElement(DavNames.Prefix, "propstat", DavNames.Namespace);
            w.WriteStartElement(DavNames.Prefix, "prop", DavNames.Namespace);
            foreach (var name in missing)
            {
                elements.WriteEmpty(w, name);
            }

            w.WriteEndElement();
            w.WriteElementString(DavNames.Prefix, "status", DavNames.Namespace, "HTTP/1.1 404 Not Found");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        await multistatus.ResponseDoneAsync();
    }

    private static void Classify(
        IDavItem item, XName name, IEnumerable<DeadPropertyValue>? deadValues,
        List<(XName, DavLiveProperty?, DeadPropertyValue?)> found, List<XName> missing)
    {
        var live = item.Properties.Find(name);
        if (live is not null)
        {
            if (live.AppliesTo(item))
            {
                found.Add((name, live, null));
            }
            else
            {
                missing.Add(name);
            }

            return;
        }

        var deadValue = deadValues?.FirstOrDefault(v => v.Name == name);
        if (deadValue is not null)
        {
            found.Add((name, null, deadValue));
        }
        else
        {
            missing.Add(name);
        }
    }
}
