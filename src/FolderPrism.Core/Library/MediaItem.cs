using FolderPrism.Core.Media;

namespace FolderPrism.Core.Library;

/// <summary>
/// One file under <c>Originals/</c>. <see cref="Id"/> is the item's identity: it survives renames, moves and
/// delete+re-create of the same bytes, so everything hung on it (tags, people, albums) survives reorganising by hand.
/// </summary>
public sealed class MediaItem
{
    public Guid Id { get; set; }

    /// <summary>Path relative to <c>Originals/</c> with '/' separators, as on disk (case-sensitive). Unique.</summary>
    public required string RelativePath { get; set; }

    public ItemState State { get; set; }

    /// <summary>When the file was last seen gone; missing rows are purged after a retention period.</summary>
    public DateTimeOffset? MissingSince { get; set; }

    public long Size { get; set; }

    public DateTime ModifiedUtc { get; set; }

    /// <summary>XxHash128 hex of the bytes; also the strong ETag. Null until first analysed.</summary>
    public string? ContentHash { get; set; }

    public string? MimeType { get; set; }

    public MediaKind Kind { get; set; }

    /// <summary>Wall-clock capture time where the photo was taken: what files it under a month.</summary>
    public DateTime? TakenLocal { get; set; }

    public int? TakenOffsetMinutes { get; set; }

    public DateSource? TakenSource { get; set; }

    public DateConfidence? TakenConfidence { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public int? Orientation { get; set; }

    public string? Make { get; set; }

    public string? Model { get; set; }

    public string? Lens { get; set; }

    public int? Iso { get; set; }

    public double? ExposureTime { get; set; }

    public double? FNumber { get; set; }

    public double? FocalLength { get; set; }

    public int? Rating { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public double? Altitude { get; set; }

    public double? DurationSeconds { get; set; }

    public string? VideoCodec { get; set; }

    public int? Rotation { get; set; }

    /// <summary>64-bit perceptual hash stored as its two's-complement <see cref="long"/> (SQLite has no unsigned integer).</summary>
    public long? PerceptualHash { get; set; }

    public ThumbnailState ThumbnailState { get; set; }

    public bool IsDamaged { get; set; }

    public string? DamageReason { get; set; }

    /// <summary>Set when processing failed too often; the file is not retried until it changes on disk.</summary>
    public string? QuarantineReason { get; set; }

    public DateTimeOffset? QuarantinedAt { get; set; }

    /// <summary>Set when the user deleted the item through FolderPrism (the file lives in the trash area meanwhile).</summary>
    public DateTimeOffset? TrashedAt { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>When metadata was last read; null means never analysed.</summary>
    public DateTimeOffset? AnalyzedAt { get; set; }

    public DateTimeOffset? DerivativesAt { get; set; }

    public List<ItemTag> Tags { get; set; } = [];

    public List<Face> Faces { get; set; } = [];

    public List<AlbumItem> Albums { get; set; } = [];

    public List<ItemSidecar> Sidecars { get; set; } = [];
}
