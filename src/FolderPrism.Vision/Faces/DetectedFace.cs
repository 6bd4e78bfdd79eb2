namespace FolderPrism.Vision.Faces;

/// <summary>
/// One face found by the detector. <see cref="Landmarks"/> are MediaPipe's six points in image order: the eye on
/// the image's left, the other eye, nose tip, mouth centre, then the two ear tragions.
/// </summary>
public sealed record DetectedFace(FaceBox Box, IReadOnlyList<FacePoint> Landmarks, double Score)
{
    /// <summary>
    /// A face given only as a rectangle (an XMP/MWG region, a box drawn by a user): landmarks are placed where an
    /// upright face has them, so the embedder crops it unrotated. Score 1: a person vouched for it.
    /// </summary>
    public static DetectedFace FromRegion(FaceBox box)
    {
        FacePoint At(double fx, double fy) => new(box.X + (fx * box.Width), box.Y + (fy * box.Height));
        return new DetectedFace(box, [At(0.33, 0.4), At(0.67, 0.4), At(0.5, 0.6), At(0.5, 0.78), At(0.1, 0.45), At(0.9, 0.45)], 1.0);
    }
}
