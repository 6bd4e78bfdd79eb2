using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Import;

/// <summary>What near-duplicate matching and "best version wins" look at for one photo (in the library or arriving).</summary>
public sealed record PhotoVersion(
    Guid? ItemId, string Path, ulong PerceptualHash, int Width, int Height, DateTime? TakenLocal, DateSource? TakenSource,
    long Size, string? MimeType, bool HasCamera, int MetadataScore)
{
    public long Pixels => (long)Width * Height;

    public double Aspect => Width <= 0 || Height <= 0 ? 0 : (double)Math.Max(Width, Height) / Math.Min(Width, Height);

    /// <summary>A date from real evidence (not file times), usable to tell two different moments apart.</summary>
    public bool HasRealDate => TakenLocal is not null && TakenSource is not null and not DateSource.FileTime;

    public static PhotoVersion From(Guid? id, string path, MediaAnalysis a, ulong hash) => new(
        id, path, hash, a.Width ?? 0, a.Height ?? 0, a.TakenAt?.Local, a.TakenAt?.Source, a.Size, a.MimeType,
        !string.IsNullOrWhiteSpace(a.Make) || !string.IsNullOrWhiteSpace(a.Model), Score(a));

    private static int Score(MediaAnalysis a) =>
        new object?[] { a.Make, a.Model, a.Lens, a.Iso, a.ExposureTime, a.FNumber, a.FocalLength, a.Location, a.Title, a.Description, a.TakenAt?.Offset }
            .Count(v => v is not null) + a.Keywords.Count + a.Faces.Count;

    /// <summary>
    /// Positive when this is the better version: more pixels, then the original format (camera metadata present, i.e.
    /// not a re-encoded export), then the larger file, then richer metadata.
    /// </summary>
    public int CompareQuality(PhotoVersion other)
    {
        var c = Pixels.CompareTo(other.Pixels);
        if (c != 0)
        {
            return c;
        }

        c = HasCamera.CompareTo(other.HasCamera);
        if (c != 0)
        {
            return c;
        }

        c = Size.CompareTo(other.Size);
        return c != 0 ? c : MetadataScore.CompareTo(other.MetadataScore);
    }
}
