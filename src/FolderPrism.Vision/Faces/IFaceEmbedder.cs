using FolderPrism.Vision.Imaging;

namespace FolderPrism.Vision.Faces;

/// <summary>
/// Computes the descriptor of a detected face. The crop is aligned first (rotated so the eyes are level, square
/// around the box) because the descriptor network was trained on upright crops and roll would otherwise split
/// one person into several clusters.
/// </summary>
public interface IFaceEmbedder
{
    FaceEmbedding Embed(RgbImage image, DetectedFace face, CancellationToken ct);
}
