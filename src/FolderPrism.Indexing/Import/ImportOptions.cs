namespace FolderPrism.Indexing.Import;

/// <summary>Import settings (configuration section <c>Import</c>).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>
    /// Where a file goes under <c>Originals/</c>. Tokens: <c>{yyyy}</c> <c>{MM}</c> <c>{dd}</c> (local capture date),
    /// <c>{name}</c> (original file name), <c>{stem}</c>, <c>{ext}</c>, <c>{camera}</c> (make and model), <c>{hash}</c>
    /// (8 hex characters of the content hash). The last segment should end with <c>{name}</c> or <c>{stem}{ext}</c>.
    /// </summary>
    public string Pattern { get; set; } = "{yyyy}/{MM}/{name}";

    /// <summary>How long <c>Import/</c> (or one of its subfolders) must be quiet before its batch is imported.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the daemon watches <c>Import/</c> at all.</summary>
    public bool WatchImportFolder { get; set; } = true;

    /// <summary>Maximum perceptual-hash distance (of 64 bits) for two images to count as the same photo.</summary>
    public int NearDuplicateDistance { get; set; } = 6;

    /// <summary>Maximum difference between two capture times for near-duplicates (both dated); Takeout rounds to seconds and may shift by a zone.</summary>
    public TimeSpan NearDuplicateTimeWindow { get; set; } = TimeSpan.FromHours(14);

    /// <summary>
    /// How many inputs are analysed (hash, metadata, reduced decode) at once; 0 means one per processor. Filing stays
    /// sequential in input order, so the result does not depend on this.
    /// </summary>
    public int AnalysisParallelism { get; set; }
}
