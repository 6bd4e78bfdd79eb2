namespace FolderPrism.Indexing.Metadata;

/// <summary>Settings for metadata analysis (configuration section <c>MediaAnalysis</c>).</summary>
public sealed class MediaAnalysisOptions
{
    public const string SectionName = "MediaAnalysis";

    /// <summary>
    /// IANA zone used to turn instants without a stated offset (Takeout timestamps, video creation_time, mtime) into
    /// the local time that files a photo under a month. Null keeps them in UTC.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>Limit for one ffprobe run.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
