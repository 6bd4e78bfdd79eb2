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

    /// <summary>
    /// As <see cref="Analyze(string, CancellationToken)"/>, and also embeds faces already known as rectangles (XMP
    /// regions, boxes a user drew), given normalised 0..1 of the upright image, so named regions teach clustering
    /// who a person is. <see cref="PhotoVisionResult.RegionEmbeddings"/> follows the order of <paramref name="regions"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be decoded.</exception>
    PhotoVisionResult Analyze(string path, IReadOnlyList<Faces.FaceBox> regions, CancellationToken ct);

    /// <summary>
    /// As <see cref="Analyze(string, IReadOnlyList{Faces.FaceBox}, CancellationToken)"/>, decoding the indexer's cached
    /// preview of the photo (<paramref name="previewPath"/>, ~1440 px, upright) instead of the original when it exists
    /// and matches: an order of magnitude cheaper than decoding a 12-MP original, and the detector's inputs are smaller
    /// than the preview anyway. Boxes are still reported in pixels of the upright original.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be decoded.</exception>
    PhotoVisionResult Analyze(string path, string? previewPath, IReadOnlyList<Faces.FaceBox> regions, CancellationToken ct);
}
