using FolderPrism.Vision.Faces;

namespace FolderPrism.Vision.Library;

/// <summary>
/// A photo waiting for vision: its index row, the content version being analysed, and the faces already known as
/// rectangles (XMP regions, boxes a user drew; normalised) that need a descriptor.
/// </summary>
public sealed record PendingPhoto(Guid ItemId, string RelativePath, string ContentHash, IReadOnlyList<(long FaceId, FaceBox Box)> Regions);
