namespace FolderPrism.Indexing.Jobs;

/// <summary>How <see cref="JobWorkerPool"/> runs: the daemon's endless low-priority background work, or the
/// <c>folderprism index</c> verb's foreground run that may use every core until the queue is drained.</summary>
public enum JobPoolMode
{
    Background,
    Foreground,
}
