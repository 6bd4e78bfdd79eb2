namespace FolderPrism.Core.Library;

/// <summary>
/// Which version of an item vision has processed: a photo is pending while it has no row or the row's
/// <see cref="ContentHash"/> differs from the item's, so edited photos are re-analysed and failures are not retried
/// until the file changes.
/// </summary>
public sealed class VisionState
{
    public Guid ItemId { get; set; }

    public string? ContentHash { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }

    public int FaceCount { get; set; }

    /// <summary>Why the photo could not be analysed (undecodable), or null on success.</summary>
    public string? Error { get; set; }
}
