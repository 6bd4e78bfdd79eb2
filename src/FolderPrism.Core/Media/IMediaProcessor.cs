namespace FolderPrism.Core.Media;

/// <summary>
/// Decodes an image or a video poster frame once, bounded in pixels and time, and writes the thumbnails (keyed by
/// content hash, atomically) and computes a 64-bit perceptual hash for near-duplicate detection.
/// Throws <see cref="MediaDecodeException"/> for corrupt, truncated or oversized input so callers can mark it damaged.
/// </summary>
public interface IMediaProcessor
{
    Task<MediaDerivatives> ProcessAsync(string path, string contentHash, MediaKind kind, CancellationToken cancellationToken);

    /// <summary>Where a thumbnail for this content hash lives (it may not exist yet).</summary>
    string ThumbnailPath(string contentHash, ThumbnailSize size);
}
