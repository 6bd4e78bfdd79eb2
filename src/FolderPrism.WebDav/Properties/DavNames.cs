using System.Xml.Linq;

namespace FolderPrism.WebDav.Properties;

/// <summary>XML names of the DAV: vocabulary used by the handlers.</summary>
public static class DavNames
{
    public const string Namespace = "DAV:";
    public const string Prefix = "D";
    public static readonly XNamespace Dav = Namespace;
    public static readonly XName ResourceType = Dav + "resourcetype";
    public static readonly XName GetContentLength = Dav + "getcontentlength";
    public static readonly XName GetContentType = Dav + "getcontenttype";
    public static readonly XName GetETag = Dav + "getetag";
    public static readonly XName GetLastModified = Dav + "getlastmodified";
    public static readonly XName CreationDate = Dav + "creationdate";
    public static readonly XName DisplayName = Dav + "displayname";
    public static readonly XName SupportedLock = Dav + "supportedlock";
    public static readonly XName LockDiscovery = Dav + "lockdiscovery";
    public static readonly XName QuotaAvailableBytes = Dav + "quota-available-bytes";
    public static readonly XName QuotaUsedBytes = Dav + "quota-used-bytes";
    public static readonly XName Win32LastModifiedTime = XNamespace.Get("urn:schemas-microsoft-com:") + "Win32LastModifiedTime";
}
