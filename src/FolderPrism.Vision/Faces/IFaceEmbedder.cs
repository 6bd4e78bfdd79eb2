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

    /// <summary>
    /// The descriptors of several faces of one photo, in order. Implementations batch them into few model runs (one
    /// run per face costs a per-run overhead that adds up in group photos); results equal <see cref="Embed"/>'s.
    /// </summary>
    IReadOnlyList<FaceEmbedding> EmbedAll(RgbImage image, IReadOnlyList<DetectedFace> faces, CancellationToken ct);

    /// <summary>
    /// Like <see cref="EmbedAll(RgbImage, IReadOnlyList{DetectedFace}, CancellationToken)"/>, but a face whose aligned
    /// crop measures less sharp than <paramref name="minSharpness"/> gets no descriptor (an empty vector with its
    /// sharpness) and costs no model run: the quality filter would never let it cluster.
    /// </summary>
    IReadOnlyList<FaceEmbedding> EmbedAll(RgbImage image, IReadOnlyList<DetectedFace> faces, double minSharpness, CancellationToken ct);
}
