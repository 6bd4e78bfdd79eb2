namespace FolderPrism.Vision.Faces;

/// <summary>
/// One face found by the detector. <see cref="Landmarks"/> are MediaPipe's six points in image order: the eye on
/// the image's left, the other eye, nose tip, mouth centre, then the two ear tragions.
/// </summary>
public sealed record DetectedFace(FaceBox Box, IReadOnlyList<FacePoint> Landmarks, double Score);
