namespace FolderPrism.Vision.Clustering;

/// <summary>
/// People clustering settings (configuration section <c>Vision:Clustering</c>). Distances depend on the embedder
/// (<c>Vision:Embedder</c>): <see cref="NeighbourDistance"/>/<see cref="MatchDistance"/> are cosine distances of
/// faceres descriptors, calibrated on real faces: the same man across downscaled, mirrored, darkened, cropped and
/// EXIF-rotated copies stays within 0.10, while different men are at least 0.40 apart.
/// <see cref="FaceRecognitionNeighbourDistance"/>/<see cref="FaceRecognitionMatchDistance"/> are euclidean distances
/// of face_recognition descriptors, calibrated the same way: the same man across those copies stays within 0.26, the
/// three men are at least 0.69 apart, but the small (40–70 px) faces of the sample group photo that pass the quality
/// filter come as close as 0.39 to each other, which is why the defaults sit well under face-api's 0.6.
/// </summary>
public sealed class FaceClusteringOptions
{
    /// <summary>Two faces within this distance are neighbours (DBSCAN ε).</summary>
    public double NeighbourDistance { get; set; } = 0.25;

    /// <summary>A face with at least this many neighbours is a core face that can grow a cluster.</summary>
    public int MinNeighbours { get; set; } = 2;

    /// <summary>An unnamed face within this distance of a named person's example joins that person.</summary>
    public double MatchDistance { get; set; } = 0.3;

    /// <summary>DBSCAN ε with the face_recognition embedder (euclidean).</summary>
    public double FaceRecognitionNeighbourDistance { get; set; } = 0.34;

    /// <summary>Match distance to a named person with the face_recognition embedder (euclidean).</summary>
    public double FaceRecognitionMatchDistance { get; set; } = 0.38;

    /// <summary>The thresholds and metric for one embedder, as <see cref="FaceClusterer"/> applies them.</summary>
    public (double Neighbour, double Match, Faces.FaceDistanceMetric Metric) For(string? embedder) =>
        embedder == Faces.FaceEmbedderNames.FaceRecognition
            ? (FaceRecognitionNeighbourDistance, FaceRecognitionMatchDistance, Faces.FaceDistanceMetric.Euclidean)
            : (NeighbourDistance, MatchDistance, Faces.FaceDistanceMetric.Cosine);

    /// <summary>Unnamed clusters with at least this many faces are shown as <c>People/Unknown N</c>.</summary>
    public int MinFaces { get; set; } = 3;

    /// <summary>
    /// Faces per person or cluster that new faces are compared with between full runs (spread over the group; faces a
    /// user or a file named come first). Bounds the cost of a run: it grows with new faces and groups, not with faces
    /// already placed. 24 covers the poses and lighting of a person well; more only costs time.
    /// </summary>
    public int Exemplars { get; set; } = 24;
}
