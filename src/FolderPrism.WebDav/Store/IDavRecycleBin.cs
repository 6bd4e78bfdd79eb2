namespace FolderPrism.WebDav.Store;

/// <summary>
/// Optional hook that turns deletes in the real trees (<c>Originals/</c>) into moves to a recycle bin and lets a MOVE
/// of a virtual item (from the bin) land in a real tree again. It lives here so WebDAV keeps no dependency on the
/// project that implements the bin (the views): without a registration DELETE removes files for good, as before.
/// </summary>
public interface IDavRecycleBin
{
    /// <summary>
    /// Called for each file a DELETE would remove, and for the old file a PUT or an overwriting COPY/MOVE replaces
    /// (an overwrite destroys the old version just like a DELETE). True when the bin took the file (the handler must not delete it);
    /// false when it should be deleted for real (client noise, files the bin does not keep).
    /// </summary>
    Task<bool> TryRecycleAsync(string physicalPath, CancellationToken cancellationToken);

    /// <summary>
    /// A PUT over <paramref name="physicalPath"/>: the bin takes the old file AND puts the complete new file
    /// <paramref name="replacement"/> (same folder) in its place with one atomic rename, so readers of that path never
    /// find it missing. True when done; false to fall back to <see cref="TryRecycleAsync"/> and a rename by the handler
    /// (which leaves a moment with no file at the path). Not supported by default.
    /// </summary>
    Task<bool> TryReplaceAsync(string physicalPath, string replacement, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>
    /// MOVE of <paramref name="source"/> (a virtual item) to the free real path <paramref name="physicalPath"/>.
    /// True when the bin restored it there; false when the source is nothing it can restore (the handler answers 403).
    /// </summary>
    Task<bool> TryRestoreAsync(IDavItem source, string physicalPath, CancellationToken cancellationToken);

    /// <summary>
    /// Called after a MOVE renamed a single file inside the real trees, so companions the bin's owner manages (a
    /// photo's XMP sidecars) can follow it; a file renamed without them would lose its tags. Nothing by default.
    /// </summary>
    Task MovedAsync(string sourcePhysical, string targetPhysical, CancellationToken cancellationToken) => Task.CompletedTask;
}
