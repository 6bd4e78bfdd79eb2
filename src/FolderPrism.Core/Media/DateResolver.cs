namespace FolderPrism.Core.Media;

/// <summary>
/// The one place that decides a capture date, shared by the indexer and import so a photo lands in the same month
/// however it arrives. Order: EXIF → XMP → Google Takeout → video creation time → file name → file time. Instants
/// (Takeout, video creation_time, mtime) are turned into wall-clock time with the best offset known from the file
/// itself (EXIF/XMP/video offset), else with the given fallback zone, else they stay UTC (offset zero).
/// </summary>
public static class DateResolver
{
    private static readonly DateTime Earliest = new(1900, 1, 1);

    /// <summary>Resolves the capture date, or <c>null</c> when no evidence is plausible.</summary>
    /// <param name="evidence">What the readers found.</param>
    /// <param name="nowUtc">The current time; dates more than a day after it are rejected as impossible.</param>
    /// <param name="fallbackZone">Zone used to localise instants when the file states no offset (null: UTC).</param>
    public static CaptureDate? Resolve(DateEvidence evidence, DateTime nowUtc, TimeZoneInfo? fallbackZone = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var latest = nowUtc.AddDays(1);
        var knownOffset = evidence.ExifOffset ?? evidence.XmpOffset ?? evidence.VideoOffset;

        if (Plausible(evidence.ExifLocal, evidence.ExifOffset, latest) is { } exif)
        {
            return new CaptureDate(exif, evidence.ExifOffset, DateSource.Exif, DateConfidence.High);
        }

        if (Plausible(evidence.XmpLocal, evidence.XmpOffset, latest) is { } xmp)
        {
            return new CaptureDate(xmp, evidence.XmpOffset, DateSource.Xmp, DateConfidence.High);
        }

        if (FromInstant(evidence.TakeoutUtc, knownOffset, fallbackZone, latest) is { } takeout)
        {
            return takeout with { Source = DateSource.Takeout, Confidence = DateConfidence.Medium };
        }

        if (Plausible(evidence.VideoLocal, evidence.VideoOffset, latest) is { } videoLocal)
        {
            return new CaptureDate(videoLocal, evidence.VideoOffset, DateSource.Video, DateConfidence.High);
        }

        if (FromInstant(evidence.VideoUtc, knownOffset, fallbackZone, latest) is { } video)
        {
            return video with { Source = DateSource.Video, Confidence = DateConfidence.Medium };
        }

        if (evidence.FileName is { } name)
        {
            var latestLocal = fallbackZone is null ? latest : TimeZoneInfo.ConvertTimeFromUtc(latest, fallbackZone);
            if (FileNameDateParser.Parse(name, latestLocal) is { } parsed)
            {
                return new CaptureDate(
                    parsed.Local,
                    null,
                    DateSource.FileName,
                    parsed.HasTime ? DateConfidence.Medium : DateConfidence.Low);
            }
        }

        if (FromInstant(evidence.FileTimeUtc, knownOffset, fallbackZone, latest) is { } fileTime)
        {
            return fileTime with { Source = DateSource.FileTime, Confidence = DateConfidence.Low };
        }

        return null;
    }

    private static DateTime? Plausible(DateTime? local, TimeSpan? offset, DateTime latestUtc)
    {
        if (local is not { } value || value < Earliest)
        {
            return null;
        }

        // Without an offset the wall-clock time may be up to 14 h ahead of UTC; the day of slack covers it.
        var utc = offset is { } o ? value - o : value;
        return utc > latestUtc ? null : DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
    }

    private static CaptureDate? FromInstant(DateTime? instant, TimeSpan? knownOffset, TimeZoneInfo? zone, DateTime latestUtc)
    {
        if (instant is not { } value)
        {
            return null;
        }

        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        if (utc < Earliest || utc > latestUtc)
        {
            return null;
        }

        var offset = knownOffset ?? zone?.GetUtcOffset(utc) ?? TimeSpan.Zero;
        var local = DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified);
        return new CaptureDate(local, offset, DateSource.FileTime, DateConfidence.Low);
    }
}
