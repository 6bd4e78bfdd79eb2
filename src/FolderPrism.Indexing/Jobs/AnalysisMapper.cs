using FolderPrism.Core.Library;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Jobs;

/// <summary>Copies the scalar fields of a <see cref="MediaAnalysis"/> onto an index row.</summary>
internal static class AnalysisMapper
{
    public static void CopyFields(MediaAnalysis a, MediaItem item)
    {
        item.ContentHash = a.ContentHash;
        item.Size = a.Size;
        item.ModifiedUtc = a.ModifiedUtc;
        item.MimeType = a.MimeType;
        item.Kind = a.Kind;
        item.TakenLocal = a.TakenAt?.Local;
        item.TakenOffsetMinutes = a.TakenAt?.Offset is { } offset ? (int)offset.TotalMinutes : null;
        item.TakenSource = a.TakenAt?.Source;
        item.TakenConfidence = a.TakenAt?.Confidence;
        item.Width = a.Width;
        item.Height = a.Height;
        item.Orientation = a.Orientation;
        item.Make = Clip(a.Make, 256);
        item.Model = Clip(a.Model, 256);
        item.Lens = Clip(a.Lens, 256);
        item.Iso = a.Iso;
        item.ExposureTime = a.ExposureTime;
        item.FNumber = a.FNumber;
        item.FocalLength = a.FocalLength;
        item.Rating = a.Rating;
        item.Title = a.Title;
        item.Description = a.Description;
        item.Latitude = a.Location?.Latitude;
        item.Longitude = a.Location?.Longitude;
        item.Altitude = a.Location?.Altitude;
        item.DurationSeconds = a.DurationSeconds;
        item.VideoCodec = Clip(a.VideoCodec, 64);
        item.Rotation = a.Rotation;
        item.IsDamaged = a.IsDamaged;
        item.DamageReason = a.IsDamaged ? a.DamageReason ?? "damaged" : null;
    }

    private static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
