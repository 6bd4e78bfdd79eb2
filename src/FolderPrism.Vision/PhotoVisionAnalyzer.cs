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

    public PhotoVisionResult Analyze(string path, IReadOnlyList<FaceBox> regions, CancellationToken ct) => Analyze(path, null, regions, ct);

    public PhotoVisionResult Analyze(string path, string? previewPath, IReadOnlyList<FaceBox> regions, CancellationToken ct)
    {
        var options = _options.Value;
        var clock = new StageClock();
        var preview = previewPath is not null && options.DecodeFromPreview ? VisionImageLoader.TryLoadPreview(previewPath, path) : null;
        var image = preview ?? VisionImageLoader.Load(path, options.Faces.MaxDecodeEdge);
        var decode = clock.Lap();

        // Labels first: CenterNet's person count tells the face detector whether tiling can be skipped.
        IReadOnlyList<DetectedObject> objects = options.Labels ? _objects.Detect(image, ct) : [];
        var labelsTime = clock.Lap();
        var people = options.Labels ? objects.Count(o => o.Label == "person") : int.MaxValue;
        var detected = _detector.Detect(image, people, ct);
        var facesTime = clock.Lap();
        var (w, h) = (image.OriginalWidth, image.OriginalHeight);
        // Faces worth a descriptor, except blurred crops (never clusterable): in make bench-vision 200 of 865 such
        // faces were embedded for nothing, ~23% of the descriptor network's ~130 ms CPU per photo. Regions were
        // vouched for by a person: always embedded.
        var worthy = detected.Where(options.Quality.IsWorthEmbedding).ToList();
        var minSharpness = options.Quality.EmbedAll ? double.NegativeInfinity : options.Quality.MinSharpness;
        var embeddings = _embedder.EmbedAll(image, worthy, minSharpness, ct);
        var regionFaces = regions.Select(r => DetectedFace.FromRegion(new FaceBox(r.X * w, r.Y * h, r.Width * w, r.Height * h))).ToList();
        var regionEmbeddings = regionFaces.Count == 0 ? [] : _embedder.EmbedAll(image, regionFaces, ct);
        var byFace = new Dictionary<DetectedFace, FaceEmbedding>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < worthy.Count; i++)
        {
            byFace[worthy[i]] = embeddings[i];
        }

        var faces = detected
            .Select(f => byFace.TryGetValue(f, out var embedding)
                ? new AnalyzedFace(f, embedding, options.Quality.IsClusterable(f, embedding))
                : new AnalyzedFace(f, FaceEmbedding.None, false))
            .ToList();
        var labels = objects.GroupBy(o => o.Label).ToDictionary(g => g.Key, g => g.Max(o => o.Score), StringComparer.Ordinal);
        var descriptors = clock.Lap();
        return new PhotoVisionResult(w, h, faces, objects, labels, regionEmbeddings)
        {
            Timings = new VisionStageTimes(decode, labelsTime, facesTime, descriptors, embeddings.Count(e => !e.IsEmpty) + regionEmbeddings.Count, preview is not null),
        };
    }

    /// <summary>Laps of wall and thread-CPU time.</summary>
    private sealed class StageClock
    {
        private long _wall = System.Diagnostics.Stopwatch.GetTimestamp();
        private TimeSpan _cpu = ThreadCpuClock.Now();

        public VisionStageTime Lap()
        {
            var (wall, cpu) = (System.Diagnostics.Stopwatch.GetTimestamp(), ThreadCpuClock.Now());
            var lap = new VisionStageTime(System.Diagnostics.Stopwatch.GetElapsedTime(_wall, wall), cpu - _cpu);
            (_wall, _cpu) = (wall, cpu);
            return lap;
        }
    }
}
