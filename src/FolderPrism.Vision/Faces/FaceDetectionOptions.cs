namespace FolderPrism.Vision.Faces;

/// <summary>
/// Face detection settings (configuration section <c>Vision:Faces</c>). Defaults were calibrated on the tracking
/// and human sample photos: every face found, none on face-free images.
/// </summary>
public sealed class FaceDetectionOptions
{
    /// <summary>Detector score (0..1) below which a candidate is dropped.</summary>
    public double MinScore { get; set; } = 0.5;

    /// <summary>Faces smaller than this (pixels of the original upright image, shorter side) are dropped.</summary>
    public double MinFaceSize { get; set; } = 16;

    /// <summary>Overlap above which two candidates are the same face (non-maximum suppression).</summary>
    public double IouThreshold { get; set; } = 0.3;

    /// <summary>Photos are decoded to at most this edge length for vision.</summary>
    public int MaxDecodeEdge { get; set; } = 2048;

    /// <summary>Tiling starts when the decoded image's shorter side is at least this many pixels.</summary>
    public int TileMinShortEdge { get; set; } = 640;

    /// <summary>Tiles across the shorter side (each tile square); the longer side gets as many as needed.</summary>
    public int TilesPerShortSide { get; set; } = 3;

    /// <summary>Fraction by which neighbouring tiles overlap, so a face cut by one tile is whole in another.</summary>
    public double TileOverlap { get; set; } = 0.3;

    /// <summary>Candidates closer than this fraction of the tile size to an inner tile edge are dropped.</summary>
    public double TileEdgeMargin { get; set; } = 0.02;

    /// <summary>Use the BlazeFace back-camera model (256 px input) instead of the full-range detector.</summary>
    public bool UseBackModel { get; set; }

    /// <summary>Run both detectors and merge their faces (higher recall in crowded photos, twice the cost).</summary>
    public bool CombineModels { get; set; }
}
