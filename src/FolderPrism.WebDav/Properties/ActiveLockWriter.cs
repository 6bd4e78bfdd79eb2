using System.Globalization;
using System.Xml;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Properties;

/// <summary>Writes one <c>DAV:activelock</c>, shared by <c>lockdiscovery</c> and the LOCK response body.</summary>
public static class ActiveLockWriter
{
    public static async Task WriteAsync(XmlWriter w, DavLock davLock, DateTimeOffset now)
    {
        const string P = DavNames.Prefix, N = DavNames.Namespace;
        await w.WriteStartElementAsync(P, "activelock", N);
        await w.WriteStartElementAsync(P, "locktype", N);
        await w.WriteStartElementAsync(P, "write", N);
        await w.WriteEndElementAsync();
        await w.WriteEndElementAsync();
        await w.WriteStartElementAsync(P, "lockscope", N);
        await w.WriteStartElementAsync(P, davLock.Exclusive ? "exclusive" : "shared", N);
        await w.WriteEndElementAsync();
        await w.WriteEndElementAsync();
        await w.WriteElementStringAsync(P, "depth", N, davLock.Infinite ? "infinity" : "0");
        if (davLock.OwnerXml is not null)
        {
            await w.WriteStartElementAsync(P, "owner", N);
            await w.WriteRawAsync(davLock.OwnerXml);
            await w.WriteEndElementAsync();
        }

        var remaining = Math.Max(0, (long)Math.Ceiling((davLock.ExpiresAt - now).TotalSeconds));
        await w.WriteElementStringAsync(P, "timeout", N, "Second-" + remaining.ToString(CultureInfo.InvariantCulture));
        await w.WriteStartElementAsync(P, "locktoken", N);
        await w.WriteElementStringAsync(P, "href", N, davLock.Token);
        await w.WriteEndElementAsync();
        await w.WriteStartElementAsync(P, "lockroot", N);
        await w.WriteElementStringAsync(P, "href", N, HrefEncoder.Encode(davLock.Root, collection: false));
        await w.WriteEndElementAsync();
        await w.WriteEndElementAsync();
    }
}
