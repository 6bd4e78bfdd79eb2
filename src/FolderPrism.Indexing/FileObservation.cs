namespace FolderPrism.Indexing;

/// <summary>A file seen on disk: where, how big, last written (UTC).</summary>
public sealed record FileObservation(string RelativePath, long Size, DateTime ModifiedUtc)
{
    public static FileObservation From(string relativePath, FileInfo info) =>
        new(relativePath, info.Length, info.LastWriteTimeUtc);
}
