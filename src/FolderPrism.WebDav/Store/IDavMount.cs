using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Store;

/// <summary>
/// A top-level folder of the WebDAV root (<c>/Originals</c>, <c>/Import</c>, later virtual views). Registering another
/// <see cref="IDavMount"/> singleton in DI is all a later issue needs to add a virtual tree beside the real ones.
/// </summary>
public interface IDavMount
{
    /// <summary>The single path segment under <c>/</c> this mount answers for.</summary>
    string Name { get; }

    /// <summary>Resolves a path whose first segment is <see cref="Name"/>; null when nothing is there.</summary>
    ValueTask<IDavItem?> GetItemAsync(DavPath path, CancellationToken cancellationToken);

    /// <summary>
    /// The safe real file system path for <paramref name="path"/> (existing or not), or null when the mount is
    /// read-only/virtual or the path would leave the library (for example through a symlink).
    /// </summary>
    string? MapPhysicalPath(DavPath path);
}
