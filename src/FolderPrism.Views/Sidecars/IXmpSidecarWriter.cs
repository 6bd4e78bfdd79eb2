namespace FolderPrism.Views.Sidecars;

/// <summary>
/// Writes what a user organised (tags, people, albums) into the XMP sidecar next to an original, so that nothing lives
/// only in FolderPrism's database: digiKam, Lightroom, darktable and exiftool read the same sidecar, and a lost database
/// can be rebuilt from the library. The original media file is never modified.
/// </summary>
public interface IXmpSidecarWriter
{
    /// <summary>
    /// Merges the item's current tags, people and albums into its sidecar (creating it if needed) and returns the
    /// sidecar's path; null when there is nothing to write to (the item is gone, trashed, or its sidecar is not valid
    /// XMP, which is left untouched). Unchanged content is not rewritten, so the indexer is not woken for nothing.
    /// </summary>
    Task<string?> WriteAsync(Guid itemId, CancellationToken cancellationToken);
}
