namespace FolderPrism.WebDav;

/// <summary>Limits that bound what one client can make the server do (configuration section <c>WebDav</c>).</summary>
public sealed class WebDavOptions
{
    public const string SectionName = "WebDav";

    /// <summary>Largest XML request body (PROPFIND, PROPPATCH, LOCK); bigger bodies get 413.</summary>
    public int MaxXmlBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest element nesting accepted in an XML body.</summary>
    public int MaxXmlDepth { get; set; } = 64;

    /// <summary>Most byte ranges honoured in one GET; beyond it the whole entity is sent (Apache's Range DoS fix).</summary>
    public int MaxRanges { get; set; } = 16;

    /// <summary>Longest lock lease; longer or infinite requests are capped.</summary>
    public TimeSpan MaxLockTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most live locks one user may hold.</summary>
    public int MaxLocksPerUser { get; set; } = 1000;

    /// <summary>
    /// How long one write of a GET body may wait for a client that stopped reading (a paused video player, a file
    /// manager busy elsewhere) before the connection is closed. Kestrel's own minimum response rate does not see
    /// bytes written the zero-copy way (<c>GetMemory</c>/<c>Advance</c>), so it would give every such write only its
    /// 5 s grace period and reset a client that pauses for longer; Apache and nginx wait 60 s for a client.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Serve file bodies of GET with sendfile(2) on plain HTTP/1.x connections (zero copy, like Apache's
    /// <c>EnableSendfile</c>); false copies them through Kestrel's buffers. Read when Kestrel binds its endpoints.
    /// </summary>
    public bool DirectFileSend { get; set; } = true;
}
