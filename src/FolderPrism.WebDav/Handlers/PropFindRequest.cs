using System.Xml.Linq;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Properties;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.WebDav.Handlers;

/// <summary>What a PROPFIND body asks for: all properties (plus <c>include</c>), only names, or a list.</summary>
internal sealed record PropFindRequest(PropFindMode Mode, IReadOnlyList<XName> Names)
{
    public static PropFindRequest Parse(XDocument? body)
    {
        if (body?.Root is null)
        {
            return new PropFindRequest(PropFindMode.AllProp, []);
        }

        if (body.Root.Name != DavNames.Dav + "propfind")
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Expected DAV:propfind.");
        }

        var children = body.Root.Elements().Where(e => e.Name.Namespace == DavNames.Dav).ToList();
        if (children.Any(e => e.Name.LocalName == "propname"))
        {
            return new PropFindRequest(PropFindMode.PropName, []);
        }

        var prop = children.FirstOrDefault(e => e.Name.LocalName == "prop");
        if (prop is not null && !children.Any(e => e.Name.LocalName == "allprop"))
        {
            return new PropFindRequest(PropFindMode.Prop, prop.Elements().Select(e => e.Name).Distinct().ToList());
        }

        var include = children.FirstOrDefault(e => e.Name.LocalName == "include");
        return new PropFindRequest(PropFindMode.AllProp, include?.Elements().Select(e => e.Name).Distinct().ToList() ?? []);
    }
}
