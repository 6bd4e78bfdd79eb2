using System.Globalization;

namespace FolderPrism.WebDav.Properties;

/// <summary>The property managers for documents and collections (shared by real and virtual items).</summary>
public sealed class LivePropertyCatalog
{
    public LivePropertyCatalog()
    {
        DavLiveProperty[] common =
        [
            new ResourceTypeProperty(),
            new TextLiveProperty(DavNames.DisplayName, i => i.DisplayName),
            new TextLiveProperty(DavNames.GetLastModified, i => i.LastModified.ToString("R", CultureInfo.InvariantCulture)),
            new TextLiveProperty(DavNames.CreationDate,
                i => i.CreationDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new SupportedLockProperty(),
            new LockDiscoveryProperty(),
        ];
        Documents = new DavPropertyManager(
        [
            .. common,
            new TextLiveProperty(DavNames.GetContentLength, i => i.ContentLength.ToString(CultureInfo.InvariantCulture)),
            new TextLiveProperty(DavNames.GetContentType, i => i.ContentType),
            new TextLiveProperty(DavNames.GetETag, i => i.ETag),
        ]);
        Collections = new DavPropertyManager(
        [
            .. common,
            new QuotaProperty(DavNames.QuotaAvailableBytes, available: true),
            new QuotaProperty(DavNames.QuotaUsedBytes, available: false),
        ]);
    }

    public IDavPropertyManager Documents { get; }

    public IDavPropertyManager Collections { get; }

    /// <summary>True when any item kind knows <paramref name="name"/> as live (and therefore protected).</summary>
    public bool IsLive(System.Xml.Linq.XName name) => Documents.Find(name) is not null || Collections.Find(name) is not null;
}
