namespace FolderPrism.Core.Media;

/// <summary>
/// Every date found for one file, before choosing. Readers fill what they saw; <see cref="DateResolver"/> decides.
/// Local values are wall-clock times as written (kind Unspecified); UTC values are instants.
/// </summary>
public sealed record DateEvidence
{
    /// <summary>EXIF DateTimeOriginal (or CreateDate/DateTimeDigitized), sub-seconds included.</summary>
    public DateTime? ExifLocal { get; init; }

    /// <summary>EXIF OffsetTimeOriginal (or OffsetTime…), when the camera recorded it.</summary>
    public TimeSpan? ExifOffset { get; init; }

    /// <summary>XMP exif:DateTimeOriginal / photoshop:DateCreated / xmp:CreateDate from a sidecar or the file.</summary>
    public DateTime? XmpLocal { get; init; }

    public TimeSpan? XmpOffset { get; init; }

    /// <summary>Google Takeout <c>photoTakenTime.timestamp</c> (an instant).</summary>
    public DateTime? TakeoutUtc { get; init; }

    /// <summary>A video's local creation date with offset (Apple <c>com.apple.quicktime.creationdate</c>).</summary>
    public DateTime? VideoLocal { get; init; }

    public TimeSpan? VideoOffset { get; init; }

    /// <summary>A video container's <c>creation_time</c> (QuickTime stores UTC).</summary>
    public DateTime? VideoUtc { get; init; }

    /// <summary>The file's name, parsed by <see cref="FileNameDateParser"/>.</summary>
    public string? FileName { get; init; }

    /// <summary>The file's modification time (UTC): the weakest evidence.</summary>
    public DateTime? FileTimeUtc { get; init; }
}
