namespace FolderPrism.Vision.Faces;

/// <summary>
/// A face descriptor: L2-normalised 1024-d vector from faceres (cosine distance = 1 − dot product) and the
/// sharpness (variance of the Laplacian on the aligned crop) used by the quality filter.
/// </summary>
public sealed record FaceEmbedding(float[] Vector, double Sharpness)
{
    public double DistanceTo(FaceEmbedding other) => FaceVectors.CosineDistance(Vector, other.Vector);
}
