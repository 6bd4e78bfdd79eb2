namespace FolderPrism.Indexing.Watching;

public enum FsEventKind
{
    Changed = 0,
    Created = 1,
    Deleted = 2,
    Renamed = 3,
    /// <summary>The watcher lost events (buffer overflow or error): only a reconcile can catch up.</summary>
    Overflow = 4,
}
