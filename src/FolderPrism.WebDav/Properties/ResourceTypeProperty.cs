using System.Xml;
using FolderPrism.WebDav.Store;

namespace FolderPrism.WebDav.Properties;

/// <summary><c>DAV:resourcetype</c>: <c>&lt;D:collection/&gt;</c> for collections, empty for documents.</summary>
public sealed class ResourceTypeProperty() : DavLiveProperty(DavNames.ResourceType)
{
    public override void WriteValue(XmlWriter writer, IDavItem item, DavPropertyContext context)
    {
        if (item.IsCollection)
        {
            writer.WriteStartElement(DavNames.Prefix, "collection", DavNames.Namespace);
            writer.WriteEndElement();
        }
    }
}
