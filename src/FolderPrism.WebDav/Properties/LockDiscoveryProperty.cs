using System.Xml;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Store;

namespace FolderPrism.WebDav.Properties;

/// <summary><c>DAV:lockdiscovery</c>: every active lock whose scope includes the item.</summary>
public sealed class LockDiscoveryProperty() : DavLiveProperty(DavNames.LockDiscovery)
{
    public override void WriteValue(XmlWriter writer, IDavItem item, DavPropertyContext context)
    {
        foreach (var activeLock in context.Locks.GetCovering(item.Path))
        {
            ActiveLockWriter.Write(writer, activeLock, context.Now);
        }
    }
}
