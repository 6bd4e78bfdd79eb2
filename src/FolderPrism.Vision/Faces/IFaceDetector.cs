using FolderPrism.Vision.Imaging;

namespace FolderPrism.Vision.Faces;

/// <summary>
/// Finds faces in an upright photo. The whole image is scanned letterboxed and, for large photos, in overlapping
/// tiles, because group photos hold faces too small for a single 192-pixel pass; tile-edge filtering and NMS keep
/// one box per face. Boxes and landmarks come back in pixels of the original upright image.
/// </summary>
public interface IFaceDetector
{
    IReadOnlyList<DetectedFace> Detect(RgbImage image, CancellationToken ct);

    /// <summary>
    /// Adaptive variant: <paramref name="expectedPeople"/> (e.g. CenterNet's person count) lets the detector skip the
    /// costly tiles when the whole-image pass already found that many faces, none of them small.
    /// </summary>
    IReadOnlyList<DetectedFace> Detect(RgbImage image, int expectedPeople, CancellationToken ct) => Detect(image, ct);
}
