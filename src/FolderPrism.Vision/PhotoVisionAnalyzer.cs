using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Objects;
using Microsoft.Extensions.Options;

namespace FolderPrism.Vision;

/// <inheritdoc cref="IPhotoVisionAnalyzer"/>
public sealed class PhotoVisionAnalyzer : IPhotoVisionAnalyzer
{
    private readonly IOptions<VisionOptions> _options;
    private readonly VisionSessions _sessions;
    private readonly IFaceDetector _detector;
    private readonly IFaceEmbedder _embedder;
    private readonly IObjectDetector _objects;

    public PhotoVisionAnalyzer(IOptions<VisionOptions> options, VisionSessions sessions, IFaceDetector detector, IFaceEmbedder embedder, IObjectDetector objects)
    {
        _options = options;
        _sessions = sessions;
        _detector = detector;
        _embedder = embedder;
        _objects = objects;
    }

    public bool IsAvailable => _options.Value.Enabled && VisionModelCatalog.RequiredFor(_options.Value.Embedder) is { } required && required.All(m => _sessions.IsAvailable(m.Id));

    public PhotoVisionResult Analyze(string path, CancellationToken ct) => Analyze(path, [], ct);

    public PhotoVisionResult Analyze(string path, IReadOnlyList<FaceBox> regions, CancellationToken ct)
    {
        var options = _options.Value;
        var image = VisionImageLoader.Load(path, options.Faces.MaxDecodeEdge);
        // Labels first: CenterNet's person count tells the face detector whether tiling can be skipped.
        IReadOnlyList<DetectedObject> objects = options.Labels ? _objects.Detect(image, ct) : [];
        var people = options.Labels ? objects.Count(o => o.Label == "person") : int.MaxValue;
        var faces = _detector.Detect(image, people, ct)
            .Select(f =>
            {
                var embedding = options.Quality.IsWorthEmbedding(f) ? _embedder.Embed(image, f, ct) : FaceEmbedding.None;
                return new AnalyzedFace(f, embedding, options.Quality.IsClusterable(f, embedding));
            })
            .ToList();
        var labels = objects.GroupBy(o => o.Label).ToDictionary(g => g.Key, g => g.Max(o => o.Score), StringComparer.Ordinal);
        var (w, h) = (image.OriginalWidth, image.OriginalHeight);
        var regionEmbeddings = regions
            .Select(r => _embedder.Embed(image, DetectedFace.FromRegion(new FaceBox(r.X * w, r.Y * h, r.Width * w, r.Height * h)), ct))
            .ToList();
        return new PhotoVisionResult(w, h, faces, objects, labels, regionEmbeddings);
    }
}
