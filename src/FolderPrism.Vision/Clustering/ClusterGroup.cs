namespace FolderPrism.Vision.Clustering;

/// <summary>
/// An existing grouping as the incremental run sees it: a named person (<see cref="Person"/>) or an unnamed cluster
/// (<see cref="ClusterId"/>), a bounded sample of its faces with descriptors (<see cref="Exemplars"/>), and every
/// photo it is already on (<see cref="Photos"/>, for "never the same person twice in one photo").
/// </summary>
public sealed record ClusterGroup(string? Person, long? ClusterId, IReadOnlyList<ClusterFace> Exemplars, IReadOnlySet<long> Photos);
