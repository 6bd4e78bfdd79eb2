namespace FolderPrism.Vision.Clustering;

/// <summary>
/// People clustering settings (configuration section <c>Vision:Clustering</c>). Distances depend on the embedder
/// (<c>Vision:Embedder</c>). Calibrated by <c>FaceDistanceCalibrationTests</c> on the real faces of tracking's
/// faces.jpg, human's samples.jpg and face-api's six demo group photos and 7 variants of each (downscaled ×0.7/×0.5,
/// cropped, EXIF-rotated, brightened, darkened, mirrored), faces passing the quality filter only:
/// <see cref="NeighbourDistance"/>/<see cref="MatchDistance"/> are cosine distances of faceres descriptors (190 faces,
/// 25 people): same person median 0.062, p99 0.191, max 0.343 (one face); different people min 0.321, p1 0.393 —
/// at 0.25 0.3% of same-person pairs are apart and no different pair is within 0.3.
/// <see cref="FaceRecognitionNeighbourDistance"/>/<see cref="FaceRecognitionMatchDistance"/> are euclidean distances of
/// face_recognition descriptors (196 faces, 26 people): same person median 0.203, p95 0.420, p99 0.472, max 0.559;
/// different people min 0.484, p1 0.533 — at 0.42 about 5% of same-person pairs are apart (DBSCAN still links them
/// through other copies) and no different pair is within 0.45, well under face-api's 0.6. Faces with a drawn-over face
/// mesh (samples.jpg's group) come as close as 0.31 (face_recognition) and 0.04 (faceres): not real photos.
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
    public double FaceRecognitionNeighbourDistance { get; set; } = 0.42;

    /// <summary>Match distance to a named person with the face_recognition embedder (euclidean).</summary>
    public double FaceRecognitionMatchDistance { get; set; } = 0.45;

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
