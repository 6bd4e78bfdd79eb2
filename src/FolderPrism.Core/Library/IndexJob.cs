namespace FolderPrism.Core.Library;

/// <summary>
/// A unit of background work on one item, persisted so a restart resumes it. One row per (item, kind); finished jobs
/// are deleted. <see cref="Version"/> grows on every re-request so a worker finishing stale work does not drop a newer request.
/// </summary>
public sealed class IndexJob
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    public JobKind Kind { get; set; }

    public JobState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
