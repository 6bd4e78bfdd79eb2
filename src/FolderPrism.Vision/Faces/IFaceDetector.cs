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
}
