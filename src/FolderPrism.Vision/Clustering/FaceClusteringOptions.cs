namespace FolderPrism.Vision.Clustering;

/// <summary>
/// People clustering settings (configuration section <c>Vision:Clustering</c>), distances in cosine distance of
/// faceres descriptors. Calibrated on real faces: the same man across downscaled, mirrored, darkened, cropped and
/// EXIF-rotated copies stays within 0.10, while different men are at least 0.40 apart.
/// </summary>
public sealed class FaceClusteringOptions
{
    /// <summary>Two faces within this distance are neighbours (DBSCAN ε).</summary>
    public double NeighbourDistance { get; set; } = 0.25;

    /// <summary>A face with at least this many neighbours is a core face that can grow a cluster.</summary>
    public int MinNeighbours { get; set; } = 2;

    /// <summary>An unnamed face within this distance of a named person's example joins that person.</summary>
    public double MatchDistance { get; set; } = 0.3;

    /// <summary>Unnamed clusters with at least this many faces are shown as <c>People/Unknown N</c>.</summary>
    public int MinFaces { get; set; } = 3;

    /// <summary>
    /// Faces per person or cluster that new faces are compared with between full runs (spread over the group; faces a
    /// user or a file named come first). Bounds the cost of a run: it grows with new faces and groups, not with faces
    /// already placed. 24 covers the poses and lighting of a person well; more only costs time.
    /// </summary>
    public int Exemplars { get; set; } = 24;
}
