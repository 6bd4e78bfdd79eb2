using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Locking;

/// <summary>An active write lock. Immutable; a refresh replaces it with a new expiry.</summary>
public sealed record DavLock(
    string Token,
    DavPath Root,
    bool Infinite,
    bool Exclusive,
    string? OwnerXml,
    string Principal,
    TimeSpan Timeout,
    DateTimeOffset ExpiresAt)
{
    /// <summary>True when this lock's scope includes <paramref name="path"/>.</summary>
    public bool Covers(DavPath path) => Root.Equals(path) || (Infinite && Root.Contains(path));
}
