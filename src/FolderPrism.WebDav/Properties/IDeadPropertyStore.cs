using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Properties;

/// <summary>
/// Client-set properties, persisted in SQLite so they survive restarts and follow their resource through COPY, MOVE
/// and DELETE (whole subtrees included). Listings fetch a folder's properties in one query, never one per child.
/// </summary>
public interface IDeadPropertyStore
{
    Task<IReadOnlyList<DeadPropertyValue>> GetAsync(DavPath path, CancellationToken cancellationToken);

    /// <summary>Properties of a collection and its direct members, keyed by <see cref="DavPath.Value"/>.</summary>
    Task<ILookup<string, DeadPropertyValue>> GetForListingAsync(DavPath collection, CancellationToken cancellationToken);

    /// <summary>Applies all changes in order, atomically.</summary>
    Task PatchAsync(DavPath path, IReadOnlyList<DeadPropertyChange> changes, CancellationToken cancellationToken);

    /// <summary>Duplicates the properties of <paramref name="from"/> (and its subtree when recursive) onto <paramref name="to"/>, replacing what was there.</summary>
    Task CopyAsync(DavPath from, DavPath to, bool recursive, CancellationToken cancellationToken);

    /// <summary>Re-keys the properties of a subtree, replacing what was at the destination.</summary>
    Task MoveAsync(DavPath from, DavPath to, CancellationToken cancellationToken);

    /// <summary>Removes the properties of <paramref name="path"/> and everything below it.</summary>
    Task DeleteAsync(DavPath path, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the properties of <paramref name="path"/> and everything below it except those of
    /// <paramref name="survivors"/>: after a partial DELETE the members that could not be removed keep theirs.
    /// </summary>
    Task DeleteExceptAsync(DavPath path, IReadOnlySet<DavPath> survivors, CancellationToken cancellationToken);
}
