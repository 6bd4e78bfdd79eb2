namespace FolderPrism.Vision.Clustering;

/// <summary>
/// What an incremental run decided for the pending faces, and how much work it took: <see cref="Comparisons"/> counts
/// descriptor distances computed (pending × exemplars + remainder pairs), which does not grow with the number of faces
/// already clustered.
/// </summary>
public sealed record IncrementalClustering(IReadOnlyList<FaceClusterAssignment> Assignments, long Comparisons, int NewClusters);
