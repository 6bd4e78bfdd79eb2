namespace FolderPrism.Vision.Clustering;

/// <summary>
/// A face as the clusterer sees it. <see cref="Person"/> is set for faces a user or an XMP region named (labelled
/// examples); <see cref="RejectedPersons"/> holds names the user removed this face from, which it must never get
/// again (<see cref="RejectedClusters"/> the same for unnamed clusters); <see cref="PreviousClusterId"/> keeps cluster
/// ids stable across full runs.
/// </summary>
public sealed record ClusterFace(
    long FaceId,
    long PhotoId,
    float[] Vector,
    string? Person = null,
    IReadOnlySet<string>? RejectedPersons = null,
    long? PreviousClusterId = null,
    IReadOnlySet<long>? RejectedClusters = null);
