using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Store;

/// <summary>
/// Maps normalised request paths to items across the root and all mounts. The single door through which handlers reach
/// content, so path safety and virtual/real dispatch are decided in exactly one place.
/// </summary>
public interface IDavStore
{
    ValueTask<IDavItem?> GetItemAsync(DavPath path, CancellationToken cancellationToken);

    /// <summary>Writable real location for a path, or null when the path is virtual, read-only or unsafe.</summary>
    string? MapPhysicalPath(DavPath path);

    /// <summary>True for <c>/</c> and each mount root: they cannot be deleted, moved or overwritten.</summary>
    bool IsProtectedRoot(DavPath path);

    /// <summary>The virtual-write handler of the mount holding <paramref name="path"/>, or null when it has none.</summary>
    IDavVirtualWrites? GetVirtualWrites(DavPath path) => null;
}
