namespace FolderPrism.Vision.Library;

/// <summary>A photo with faces whose descriptor is missing or from another embedder (see <see cref="DescriptorRefresher"/>).</summary>
public sealed record StalePhoto(Guid ItemId, string RelativePath, string ContentHash, IReadOnlyList<StaleFace> Faces);
