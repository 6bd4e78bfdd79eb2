namespace FolderPrism.Core.Media;

/// <summary>
/// Reads one file's metadata and sidecars and resolves its capture date. Shared by the indexer and import so both
/// date and identify a photo the same way. Never throws for bad media: damage is reported in the result.
/// </summary>
public interface IMediaAnalyzer
{
    Task<MediaAnalysis> AnalyzeAsync(string path, CancellationToken cancellationToken);
}
