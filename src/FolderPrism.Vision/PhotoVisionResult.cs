using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Objects;

namespace FolderPrism.Vision;

/// <summary>
/// Everything vision learned about one photo, in pixels of the original upright image: faces (box, landmarks,
/// score, descriptor, quality) and objects, plus the distinct machine labels (label → best score), and descriptors of
/// the known regions the caller passed in.
/// </summary>
public sealed record PhotoVisionResult(
    int Width,
    int Height,
    IReadOnlyList<AnalyzedFace> Faces,
    IReadOnlyList<DetectedObject> Objects,
    IReadOnlyDictionary<string, double> Labels,
    IReadOnlyList<FaceEmbedding>? RegionEmbeddings = null)
{
    /// <summary>Per-stage timings of the analysis that produced this result (null when not measured).</summary>
    public VisionStageTimes? Timings { get; init; }
}
