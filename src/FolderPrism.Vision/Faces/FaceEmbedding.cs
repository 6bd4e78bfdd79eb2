namespace FolderPrism.Vision.Faces;

/// <summary>
/// A face descriptor: L2-normalised 1024-d vector from faceres (cosine distance = 1 − dot product) or a raw 128-d
/// face_recognition vector (euclidean distance), as <see cref="Metric"/> says, and the sharpness (variance of the
/// Laplacian on the aligned crop) used by the quality filter. <see cref="None"/> (empty vector) stands for a face too
/// small or unsure to be worth running the descriptor network on.
/// </summary>
public sealed record FaceEmbedding(float[] Vector, double Sharpness, FaceDistanceMetric Metric = FaceDistanceMetric.Cosine)
{
    public static FaceEmbedding None { get; } = new([], 0);

    public bool IsEmpty => Vector.Length == 0;

    public double DistanceTo(FaceEmbedding other) => FaceVectors.Distance(Vector, other.Vector, Metric);
}
