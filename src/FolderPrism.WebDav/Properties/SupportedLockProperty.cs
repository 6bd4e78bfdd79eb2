using System.Xml;
using FolderPrism.WebDav.Store;

namespace FolderPrism.WebDav.Properties;

/// <summary><c>DAV:supportedlock</c>: exclusive and shared write locks (kio and Finder check it before locking).</summary>
public sealed class SupportedLockProperty() : DavLiveProperty(DavNames.SupportedLock)
{
    public override async Task WriteValueAsync(XmlWriter writer, IDavItem item, DavPropertyContext context)
    {
        foreach (var scope in new[] { "exclusive", "shared" })
        {
            await writer.WriteStartElementAsync(DavNames.Prefix, "lockentry", DavNames.Namespace);
            await writer.WriteStartElementAsync(DavNames.Prefix, "lockscope", DavNames.Namespace);
            await writer.WriteStartElementAsync(DavNames.Prefix, scope, DavNames.Namespace);
            await writer.WriteEndElementAsync();
            await writer.WriteEndElementAsync();
            await writer.WriteStartElementAsync(DavNames.Prefix, "locktype", DavNames.Namespace);
            await writer.WriteStartElementAsync(DavNames.Prefix, "write", DavNames.Namespace);
            await writer.WriteEndElementAsync();
            await writer.WriteEndElementAsync();
            await writer.WriteEndElementAsync();
        }
    }
}
