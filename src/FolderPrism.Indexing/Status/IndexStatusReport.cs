namespace FolderPrism.Indexing.Status;

/// <summary>A snapshot of the index for <c>folderprism status</c> and the log.</summary>
public sealed record IndexStatusReport(
    int Items,
    int MissingItems,
    int PendingJobs,
    int RunningJobs,
    int DamagedItems,
    int DatesFromFileTime,
    int ThumbnailsPending,
    IReadOnlyList<QuarantinedFile> Quarantined,
    DateTimeOffset? LastReconcile,
    string? LastReconcileSummary);
