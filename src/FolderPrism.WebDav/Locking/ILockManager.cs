using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Locking;

/// <summary>
/// WebDAV write locks (class 2). Kept in memory: locks are advisory leases that clients refresh, so losing them on a
/// restart is acceptable, while keeping them out of SQLite keeps LOCK/UNLOCK bursts (Finder, davfs2) cheap.
/// </summary>
public interface ILockManager
{
    /// <summary>Locks whose scope includes <paramref name="path"/> (rooted there, or depth-infinity on an ancestor).</summary>
    IReadOnlyList<DavLock> GetCovering(DavPath path);

    /// <summary>Locks rooted at <paramref name="path"/> or anywhere below it.</summary>
    IReadOnlyList<DavLock> GetWithin(DavPath path);

    DavLock? Find(string token);

    LockOutcome TryLock(DavPath path, bool infinite, bool exclusive, string? ownerXml, string principal, TimeSpan timeout);

    DavLock? Refresh(string token, TimeSpan timeout);

    bool Remove(string token);

    /// <summary>Drops every lock rooted at or below <paramref name="path"/> (after DELETE or MOVE).</summary>
    void RemoveWithin(DavPath path);

    /// <summary>Drops the locks rooted at or below <paramref name="path"/> except those rooted at <paramref name="survivors"/> (after a partial DELETE).</summary>
    void RemoveWithinExcept(DavPath path, IReadOnlySet<DavPath> survivors);
}
