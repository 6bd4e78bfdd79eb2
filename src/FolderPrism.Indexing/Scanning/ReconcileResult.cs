namespace FolderPrism.Indexing.Scanning;

/// <summary>What a reconciling scan found: files on disk, and how many were new/changed, gone, or purged.</summary>
public sealed record ReconcileResult(int FilesOnDisk, int Queued, int MarkedMissing, int Purged, int SidecarsRequeued, TimeSpan Elapsed);
