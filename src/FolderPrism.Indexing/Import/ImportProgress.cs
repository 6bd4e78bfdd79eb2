namespace FolderPrism.Indexing.Import;

/// <summary>Progress of a run: files and bytes done of the totals known after the inputs were walked.</summary>
public sealed record ImportProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, string? Current);
