namespace FolderPrism.Core.Media;

/// <summary>
/// Everything the indexer learns about one file without decoding pixels: identity, metadata merged from the file,
/// its XMP sidecar and Google Takeout JSON (sidecars override the file), and the resolved capture date.
/// </summary>
public sealed record MediaAnalysis
{
    public required string ContentHash { get; init; }
    public required long Size { get; init; }
    public required DateTime ModifiedUtc { get; init; }
    public required string MimeType { get; init; }
    public required MediaKind Kind { get; init; }
    public CaptureDate? TakenAt { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public int? Orientation { get; init; }
    public string? Make { get; init; }
    public string? Model { get; init; }
    public string? Lens { get; init; }
    public int? Iso { get; init; }
    public double? ExposureTime { get; init; }
    public double? FNumber { get; init; }
    public double? FocalLength { get; init; }
    public int? Rating { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public GeoPoint? Location { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>Lightroom-style hierarchical keywords, levels separated by '|'.</summary>
    public IReadOnlyList<string> HierarchicalKeywords { get; init; } = [];
    public IReadOnlyList<FaceRegion> Faces { get; init; } = [];
    /// <summary>Album names, e.g. from a Google Takeout folder's metadata.</summary>
    public IReadOnlyList<string> Albums { get; init; } = [];
    public double? DurationSeconds { get; init; }
    public string? VideoCodec { get; init; }
    public int? Rotation { get; init; }
    public bool IsDamaged { get; init; }
    public string? DamageReason { get; init; }
    /// <summary>Sidecar files that contributed (absolute paths), so a sidecar change re-indexes its photo.</summary>
    public IReadOnlyList<string> Sidecars { get; init; } = [];
    /// <summary>
    /// Latest modification time (UTC) of the XMP sidecars read, taken before reading them; null when none was read. Lets
    /// the index tell a sidecar read before an edit made in FolderPrism (still without it) from one written after it.
    /// </summary>
    public DateTime? XmpSidecarsModifiedUtc { get; init; }

    /// <summary>
    /// <see cref="Faces"/> are the regions an XMP sidecar stated (even none), not the file's embedded ones: only then
    /// does a face missing from them mean someone removed its region.
    /// </summary>
    public bool FacesFromSidecar { get; init; }
}
