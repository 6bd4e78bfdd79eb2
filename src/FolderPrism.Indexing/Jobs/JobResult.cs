namespace FolderPrism.Indexing.Jobs;

public enum JobResult
{
    Succeeded = 0,
    /// <summary>The pixels could not be decoded; the item is flagged damaged (not an error to retry).</summary>
    Damaged = 1,
    /// <summary>Nothing to do any more (file gone, item merged, or unsupported).</summary>
    Skipped = 2,
    /// <summary>Failed; will be retried after a back-off.</summary>
    Failed = 3,
    Quarantined = 4,
}
