using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// What one metadata source (embedded EXIF/IPTC/XMP, an XMP sidecar, Takeout JSON, ffprobe) said about a file.
/// Sources are layered with <see cref="OverrideWith"/>: a later, stronger source replaces only what it states.
/// </summary>
public sealed class ExtractedMetadata
{
    public DateEvidence Dates { get; set; } = new();
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
    public GeoPoint? Location { get; set; }
    public List<string> Keywords { get; set; } = [];
    public List<string> HierarchicalKeywords { get; set; } = [];
    public List<FaceRegion> Faces { get; set; } = [];
    public List<string> Albums { get; set; } = [];

    /// <summary>
    /// True when an XMP packet states dc:subject (lr:hierarchicalSubject, face regions) even as an empty array. Only
    /// sidecars use it (<see cref="MediaAnalyzer"/>): a sidecar saying "no keywords" must hide the file's embedded ones,
    /// or a keyword removed through FolderPrism would come back from the original on the next re-read.
    /// </summary>
    public bool KeywordsStated { get; set; }

    public bool HierarchicalKeywordsStated { get; set; }

    public bool FacesStated { get; set; }

    /// <summary>An XMP sidecar stated the face regions (see <c>MediaAnalysis.FacesFromSidecar</c>).</summary>
    public bool FacesFromSidecar { get; set; }

    public double? DurationSeconds { get; set; }
    public string? VideoCodec { get; set; }
    public int? Rotation { get; set; }

    /// <summary>Replaces every value <paramref name="other"/> states; lists are replaced when non-empty.</summary>
    public void OverrideWith(ExtractedMetadata other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var d = other.Dates;
        Dates = Dates with
        {
            ExifLocal = d.ExifLocal ?? Dates.ExifLocal,
            ExifOffset = d.ExifLocal is not null ? d.ExifOffset : d.ExifOffset ?? Dates.ExifOffset,
            XmpLocal = d.XmpLocal ?? Dates.XmpLocal,
            XmpOffset = d.XmpLocal is not null ? d.XmpOffset : d.XmpOffset ?? Dates.XmpOffset,
            TakeoutUtc = d.TakeoutUtc ?? Dates.TakeoutUtc,
            VideoLocal = d.VideoLocal ?? Dates.VideoLocal,
            VideoOffset = d.VideoLocal is not null ? d.VideoOffset : d.VideoOffset ?? Dates.VideoOffset,
            VideoUtc = d.VideoUtc ?? Dates.VideoUtc,
            FileName = d.FileName ?? Dates.FileName,
            FileTimeUtc = d.FileTimeUtc ?? Dates.FileTimeUtc,
        };
        Width = other.Width ?? Width;
        Height = other.Height ?? Height;
        Orientation = other.Orientation ?? Orientation;
        Make = other.Make ?? Make;
        Model = other.Model ?? Model;
        Lens = other.Lens ?? Lens;
        Iso = other.Iso ?? Iso;
        ExposureTime = other.ExposureTime ?? ExposureTime;
        FNumber = other.FNumber ?? FNumber;
        FocalLength = other.FocalLength ?? FocalLength;
        Rating = other.Rating ?? Rating;
        Title = other.Title ?? Title;
        Description = other.Description ?? Description;
        Location = other.Location ?? Location;
        Keywords = other.Keywords.Count > 0 ? [.. other.Keywords] : Keywords;
        HierarchicalKeywords = other.HierarchicalKeywords.Count > 0 ? [.. other.HierarchicalKeywords] : HierarchicalKeywords;
        Faces = other.Faces.Count > 0 ? [.. other.Faces] : Faces;
        Albums = [.. Albums.Union(other.Albums, StringComparer.Ordinal)];
        DurationSeconds = other.DurationSeconds ?? DurationSeconds;
        VideoCodec = other.VideoCodec ?? VideoCodec;
        Rotation = other.Rotation ?? Rotation;
    }
}
