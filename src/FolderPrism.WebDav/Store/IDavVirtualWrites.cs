using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Store;

/// <summary>
/// Optional interface of an <see cref="IDavMount"/> whose virtual folders give file operations a meaning (a COPY into a
/// tag folder tags the photo, a DELETE there untags it). The method handlers keep every protocol rule (Depth,
/// Overwrite, If, locks) and only hand the resulting operation here; anything a mount cannot give meaning to throws
/// <c>DavException(403)</c>. Mounts without this interface stay read-only (403 on every write).
/// </summary>
public interface IDavVirtualWrites
{
    /// <summary>MKCOL of <paramref name="path"/> (for example: create a tag or an album).</summary>
    Task CreateCollectionAsync(DavPath path, CancellationToken cancellationToken);

    /// <summary>DELETE of an item of this mount (for example: remove a tag from one photo, or the tag itself).</summary>
    Task DeleteAsync(IDavItem item, CancellationToken cancellationToken);

    /// <summary>
    /// COPY or MOVE of <paramref name="source"/> (from any mount) to <paramref name="destination"/> in this mount.
    /// Returns true when the mount also took care of the source side of a MOVE (e.g. a rename); otherwise the handler
    /// asks the source's mount, if it has virtual writes, to delete the source.
    /// </summary>
    Task<bool> ReceiveAsync(IDavItem source, DavPath destination, bool move, CancellationToken cancellationToken);

    /// <summary>PUT of <paramref name="body"/> at <paramref name="path"/>; returns false when the bytes are not accepted.</summary>
    Task<bool> PutAsync(DavPath path, Stream body, CancellationToken cancellationToken);

    /// <summary>
    /// Whether DELETE of the mount root itself has a meaning here (emptying a trash); mount roots are otherwise
    /// protected from DELETE.
    /// </summary>
    bool CanDeleteRoot => false;

    /// <summary>
    /// Whether <paramref name="existing"/>, which resolves for reading, counts as already there for a write aimed at its
    /// path. A mount that answers for any name (every <c>Search/&lt;query&gt;</c> resolves) says false for names it
    /// does not list, so MKCOL gives 201 rather than 405 and a rename onto it is not refused by <c>Overwrite: F</c>:
    /// the "New folder", then rename flow of Windows Explorer and GNOME Files.
    /// </summary>
    ValueTask<bool> OccupiesAsync(IDavItem existing, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
