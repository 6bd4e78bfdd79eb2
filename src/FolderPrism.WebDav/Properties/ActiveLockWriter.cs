using System.Globalization;
using System.Xml;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Properties;

/// <summary>Writes one <c>DAV:activelock</c>, shared by <c>lockdiscovery</c> and the LOCK response body.</summary>
public static class ActiveLockWriter
{
    public static void Write(XmlWriter w, DavLock davLock, DateTimeOffset now)
    {
        const string P = DavNames.Prefix, N = DavNames.Namespace;
        w.WriteStartElement(P, "activelock", N);
        w.WriteStartElement(P, "locktype", N);
        w.WriteStartElement(P, "write", N);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement(P, "lockscope", N);
        w.WriteStartElement(P, davLock.Exclusive ? "exclusive" : "shared", N);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteElementString(P, "depth", N, davLock.Infinite ? "infinity" : "0");
        if (davLock.OwnerXml is not null)
        {
            w.WriteStartElement(P, "owner", N);
            w.WriteRaw(davLock.OwnerXml);
            w.WriteEndElement();
        }

        var remaining = Math.Max(0, (long)Math.Ceiling((davLock.ExpiresAt - now).TotalSeconds));
        w.WriteElementString(P, "timeout", N, "Second-" + remaining.ToString(CultureInfo.InvariantCulture));
        w.WriteStartElement(P, "locktoken", N);
        w.WriteElementString(P, "href", N, davLock.Token);
        w.WriteEndElement();
        w.WriteStartElement(P, "lockroot", N);
        w.WriteElementString(P, "href", N, HrefEncoder.Encode(davLock.Root, collection: false));
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
