using FolderPrism.Vision.Faces;

namespace FolderPrism.Vision.Objects;

/// <summary>A COCO object found in a photo; box in pixels of the original upright image.</summary>
public sealed record DetectedObject(string Label, int ClassId, double Score, FaceBox Box);
