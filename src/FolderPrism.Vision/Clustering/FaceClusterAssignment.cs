namespace FolderPrism.Vision.Clustering;

/// <summary>Outcome for one face: a person name (given or attracted), an unnamed cluster, or neither (noise/pending).</summary>
public sealed record FaceClusterAssignment(long FaceId, string? Person, long? ClusterId);
