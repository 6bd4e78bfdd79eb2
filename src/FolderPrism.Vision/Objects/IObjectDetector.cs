using FolderPrism.Vision.Imaging;

namespace FolderPrism.Vision.Objects;

/// <summary>
/// Finds COCO objects in a photo; their distinct labels become machine labels (<c>Labels/&lt;label&gt;/</c>) so
/// photos can be found by what they show even when nobody tagged them.
/// </summary>
public interface IObjectDetector
{
    IReadOnlyList<DetectedObject> Detect(RgbImage image, CancellationToken ct);
}
