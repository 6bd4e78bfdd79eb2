namespace FolderPrism.Indexing;

public enum IndexPhase
{
    Scanning = 0,
    Processing = 1,
    Done = 2,
}

/// <summary>Progress of a foreground index run: <paramref name="Completed"/> of <paramref name="Total"/> jobs
/// (the total grows as analysis queues thumbnail work).</summary>
public sealed record IndexProgress(IndexPhase Phase, int Completed, int Total, string? CurrentPath);
