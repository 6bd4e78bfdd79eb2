namespace FolderPrism.Vision.Faces;

/// <summary>How two descriptors of one embedder are compared; each embedder was trained for one of these.</summary>
public enum FaceDistanceMetric
{
    /// <summary>1 − cosine similarity of L2-normalised vectors (faceres).</summary>
    Cosine,

    /// <summary>Euclidean distance of the raw vectors (face-api / dlib face_recognition, same person below ≈ 0.6).</summary>
    Euclidean,
}
