using System.Globalization;
using FFMpegCore;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// Reads a video's duration, codec, size, rotation, creation time and GPS with ffprobe (FFMpegCore). QuickTime
/// <c>creation_time</c> is UTC; Apple's <c>com.apple.quicktime.creationdate</c> carries local time with offset.
/// </summary>
public static class VideoMetadataReader
{
    /// <summary>Probes <paramref name="path"/>; throws when ffprobe fails (not a video, truncated header…).</summary>
    public static async Task<ExtractedMetadata> ReadAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var analysis = await FFProbe.AnalyseAsync(path, null, null, cts.Token).ConfigureAwait(false);
        var result = new ExtractedMetadata();
        var video = analysis.PrimaryVideoStream;
        if (video is null)
        {
            throw new InvalidDataException("No video stream.");
        }

        result.DurationSeconds = analysis.Duration > TimeSpan.Zero ? analysis.Duration.TotalSeconds : null;
        result.VideoCodec = video.CodecName;
        result.Width = video.Width;
        result.Height = video.Height;
        result.Rotation = NormaliseRotation(video);

        var tags = Merge(analysis.Format.Tags, video.Tags);
        if (tags.TryGetValue("com.apple.quicktime.creationdate", out var apple) && MetadataText.ParseIsoDate(apple) is { } local)
        {
            result.Dates = result.Dates with { VideoLocal = local.Local, VideoOffset = local.Offset };
        }

        if (tags.TryGetValue("creation_time", out var created) &&
            DateTime.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) &&
            utc.Year > 1904)
        {
            // 1904-01-01 is QuickTime's zero date written by cameras without a clock.
            result.Dates = result.Dates with { VideoUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc) };
        }

        var location = tags.GetValueOrDefault("com.apple.quicktime.location.ISO6709") ?? tags.GetValueOrDefault("location");
        if (MetadataText.ParseIso6709(location) is { } point && !(point.Latitude == 0 && point.Longitude == 0))
        {
            result.Location = point;
        }

        result.Make = MetadataText.Clean(tags.GetValueOrDefault("com.apple.quicktime.make") ?? tags.GetValueOrDefault("make"));
        result.Model = MetadataText.Clean(tags.GetValueOrDefault("com.apple.quicktime.model") ?? tags.GetValueOrDefault("model"));
        result.Title = MetadataText.Clean(tags.GetValueOrDefault("title"));
        result.Description = MetadataText.Clean(tags.GetValueOrDefault("description") ?? tags.GetValueOrDefault("comment"));
        return result;
    }

    /// <summary>Clockwise degrees (0, 90, 180, 270) needed to show the frames upright.</summary>
    private static int? NormaliseRotation(VideoStream video)
    {
        // Display-matrix side data is counter-clockwise (-90 = turn 90° clockwise); the legacy "rotate" tag is clockwise.
        int? degrees = video.Tags is not null && video.Tags.TryGetValue("rotate", out var tag) &&
            int.TryParse(tag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var clockwise)
            ? clockwise
            : video.Rotation != 0 ? -video.Rotation : null;
        return degrees is { } d ? ((d % 360) + 360) % 360 : 0;
    }

    private static Dictionary<string, string> Merge(params IReadOnlyDictionary<string, string>?[] sources)
    {
        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            foreach (var (key, value) in source ?? new Dictionary<string, string>())
            {
                merged.TryAdd(key, value);
            }
        }

        return merged;
    }
}
