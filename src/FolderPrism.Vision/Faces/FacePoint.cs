namespace FolderPrism.Vision.Faces;

/// <summary>A landmark in pixels of the upright image.</summary>
public readonly record struct FacePoint(double X, double Y);
