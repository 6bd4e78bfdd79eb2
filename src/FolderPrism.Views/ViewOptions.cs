namespace FolderPrism.Views;

/// <summary>
/// Names and limits of the virtual folders (configuration section <c>Views</c>). Folder names are configurable so a
/// deployment can localise them; the entry limit keeps every PROPFIND under Windows' 1 MB per-listing cap.
/// </summary>
public sealed class ViewOptions
{
    public const string SectionName = "Views";

    /// <summary>Most entries one folder lists before it splits into year/month/day/part sub-folders.</summary>
    public int MaxFolderEntries { get; set; } = 1000;

    /// <summary>
    /// How many folder listings are kept for repeated PROPFINDs while the index does not change (0: none). Each holds
    /// at most <see cref="MaxFolderEntries"/> entries; a commit to the index drops the listings that can depend on it
    /// (vision data — faces, people, labels — only those of People, Labels, Search and Review).
    /// </summary>
    public int ListingCacheSize { get; set; } = 64;

    /// <summary>Minimum star rating that puts a photo in Favorites.</summary>
    public int FavoriteMinRating { get; set; } = 4;

    /// <summary>Whether tags, people and albums set through the views are also written to XMP sidecars.</summary>
    public bool WriteXmpSidecars { get; set; } = true;

    /// <summary>Days a deleted item stays restorable in Trash before it is deleted for good (0 or less: forever).</summary>
    public double TrashRetentionDays { get; set; } = 30;

    /// <summary>How often expired trash is purged.</summary>
    public TimeSpan TrashSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Name of the folder of duplicate groups (a kept photo and its displaced or identical versions).</summary>
    public string Duplicates { get; set; } = "Duplicates";

    public string Timeline { get; set; } = "Timeline";

    public string Tags { get; set; } = "Tags";

    public string People { get; set; } = "People";

    /// <summary>Machine labels from object detection (<c>Labels/dog</c>).</summary>
    public string Labels { get; set; } = "Labels";

    public string Albums { get; set; } = "Albums";

    public string Cameras { get; set; } = "Cameras";

    public string Videos { get; set; } = "Videos";

    public string Favorites { get; set; } = "Favorites";

    public string Review { get; set; } = "Review";

    public string ReviewFileDates { get; set; } = "Dates from file time";

    public string ReviewDamaged { get; set; } = "Damaged";

    public string Search { get; set; } = "Search";

    public string Trash { get; set; } = "Trash";

    /// <summary>Prefix of numbered sub-folders when one day alone holds more than the limit.</summary>
    public string PartPrefix { get; set; } = "Part ";
}
