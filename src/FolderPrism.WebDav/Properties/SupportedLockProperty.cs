using System.Xml;
using FolderPrism.WebDav.Store;

namespace FolderPrism.WebDav.Properties;

/// <summary><c>DAV:supportedlock</c>: exclusive and shared write locks (kio and Finder check it before locking).</summary>
public sealed class SupportedLockProperty() : DavLiveProperty(DavNames.SupportedLock)
{
    public override void WriteValue(XmlWriter writer, IDavItem item, DavPropertyContext context)
    {
        foreach (var scope in new[] { "exclusive", "shared" })
        {
            writer.WriteStartElement(DavNames.Prefix, "lockentry", DavNames.Namespace);
            writer.WriteStartElement(DavNames.Prefix, "lockscope", DavNames.Namespace);
            writer.WriteStartElement(DavNames.Prefix, scope, DavNames.Namespace);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(DavNames.Prefix, "locktype", DavNames.Namespace);
            writer.WriteStartElement(DavNames.Prefix, "write", DavNames.Namespace);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
