using FolderPrism.Vision.Faces;

namespace FolderPrism.Vision.Library;

/// <summary>
/// A stored face to embed again: its box (normalised 0..1 of the upright image), and for detected faces the landmarks
/// and score the detector gave, so the crop is aligned as it was when the face was found.
/// </summary>
public sealed record StaleFace(long FaceId, FaceBox Box, string? Landmarks, double? Score, bool Detected);
