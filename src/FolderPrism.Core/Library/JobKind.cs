namespace FolderPrism.Core.Library;

public enum JobKind
{
    /// <summary>Hash + metadata + sidecars + date.</summary>
    Analyze = 0,
    /// <summary>Thumbnails + perceptual hash.</summary>
    Derivatives = 1,
    Faces = 2,
    Labels = 3,
}
