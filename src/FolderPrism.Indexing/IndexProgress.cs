namespace FolderPrism.Indexing;

/// <summary>Progress of a foreground index run: <paramref name="Completed"/> of <paramref name="Total"/> jobs
/// (the total grows as analysis queues thumbnail work).</summary>
public sealed record IndexProgress(IndexPhase Phase, int Completed, int Total, string? CurrentPath);
