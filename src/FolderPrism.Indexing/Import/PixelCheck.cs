using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// What import learned from decoding an input's pixels: the perceptual hash (near-duplicates) and, when the full
/// processor ran (video, HEIC, RAW), the thumbnails it wrote. For plain raster images import decodes at a reduced size
/// only and leaves <see cref="Thumbnails"/> null: the background indexer makes them later.
/// </summary>
public sealed record PixelCheck(ulong? PerceptualHash, MediaDerivatives? Thumbnails);
