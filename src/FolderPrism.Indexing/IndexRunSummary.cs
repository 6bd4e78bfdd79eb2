namespace FolderPrism.Indexing;

/// <summary>What <c>folderprism index</c> did.</summary>
public sealed record IndexRunSummary(
    int FilesOnDisk,
    int FilesQueued,
    int MarkedMissing,
    int RecoveredInterrupted,
    int Analyzed,
    int ThumbnailsMade,
    int Damaged,
    int Failed,
    int Quarantined,
    int ItemsInIndex,
    TimeSpan Elapsed);
