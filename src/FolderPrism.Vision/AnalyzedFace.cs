using FolderPrism.Vision.Faces;

namespace FolderPrism.Vision;

/// <summary>
/// A detected face with its descriptor (<see cref="FaceEmbedding.None"/> when too small or unsure to be worth one) and
/// whether it passed the quality filter for clustering.
/// </summary>
public sealed record AnalyzedFace(DetectedFace Face, FaceEmbedding Embedding, bool Clusterable);
