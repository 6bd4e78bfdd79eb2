namespace FolderPrism.Core.Media;

/// <summary>
/// A capture time as the camera saw it. <see cref="Local"/> (wall-clock time where the photo was taken) is what files
/// a photo under a month; <see cref="Offset"/> is known only when the source records it.
/// </summary>
public sealed record CaptureDate(DateTime Local, TimeSpan? Offset, DateSource Source, DateConfidence Confidence)
{
    /// <summary>The instant in UTC when the offset is known, else the local time treated as UTC.</summary>
    public DateTime UtcOrLocal => Offset is { } o ? DateTime.SpecifyKind(Local - o, DateTimeKind.Utc) : Local;
}
