namespace FolderPrism.Core.Media;

/// <summary>What decoding the pixels yields once: both thumbnails (paths in the cache) and the perceptual hash.</summary>
public sealed record MediaDerivatives(string SmallThumbnailPath, string PreviewPath, ulong? PerceptualHash);
