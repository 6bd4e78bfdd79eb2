using System.Xml;
using FolderPrism.WebDav.Store;

namespace FolderPrism.WebDav.Properties;

/// <summary><c>DAV:resourcetype</c>: <c>&lt;D:collection/&gt;</c> for collections, empty for documents.</summary>
public sealed class ResourceTypeProperty() : DavLiveProperty(DavNames.ResourceType)
{
    public override async Task WriteValueAsync(XmlWriter writer, IDavItem item, DavPropertyContext context)
    {
        if (item.IsCollection)
        {
            await writer.WriteStartElementAsync(DavNames.Prefix, "collection", DavNames.Namespace);
            await writer.WriteEndElementAsync();
        }
    }
}
