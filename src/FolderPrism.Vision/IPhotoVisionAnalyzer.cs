namespace FolderPrism.Vision;

/// <summary>
/// The vision job handler's entry point: one photo in, faces/descriptors/labels out. It decodes at bounded size and
/// runs the models one after another on the calling thread, so the indexing worker that calls it controls
/// concurrency and priority; it never blocks thumbnails or dates, which are indexed before vision runs.
/// </summary>
public interface IPhotoVisionAnalyzer
{
    /// <summary>True when vision is enabled and every model is installed; otherwise jobs should be skipped.</summary>
    bool IsAvailable { get; }

    /// <exception cref="InvalidDataException">The file cannot be decoded.</exception>
    PhotoVisionResult Analyze(string path, CancellationToken ct);
}
