using System.Globalization;
using System.Text;
using FolderPrism.Vision.Clustering;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Tests.Support;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Clustering;

/// <summary>
/// Calibration of the clustering distances on real faces, for both embedders: the faces of tracking's faces.jpg, of
/// @vladmandic/human's samples.jpg collage and of @vladmandic/face-api's six demo group photos, and variants the test makes (downscaled ×0.7 and ×0.5, cropped,
/// EXIF-rotated, brightened, darkened, mirrored). A face is the same person as the face at the same place of its
/// source photo (boxes mapped back to the source's upright pixels, IoU ≥ 0.5); faces at different places are different
/// people (the collage's thumbnail row repeats the group only at sizes below the quality filter); faces of two
/// different photos count as different people only when one is of faces.jpg (face-api's demo photos share people).
/// The collage's group photo has the demo's face mesh drawn over every face: reported apart ("mesh"), as no real
/// photo looks like that. Only faces that pass
/// the quality filter count, as in clustering. Prints both distributions (run with
/// <c>--logger "console;verbosity=detailed"</c>) and checks the defaults of <see cref="FaceClusteringOptions"/> sit
/// between them: no pair of different people within the neighbour distance, and the same person within it in
/// (nearly) every case.
/// </summary>
public sealed class FaceDistanceCalibrationTests(InstalledModelsFixture models, FaceRecognitionModelsFixture faceRecognition, ITestOutputHelper output)
    : IClassFixture<InstalledModelsFixture>, IClassFixture<FaceRecognitionModelsFixture>, IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public void Default_distances_separate_same_and_different_people_on_real_faces()
    {
        var data = _temp.File("data");
        ModelStores.Merge(data, models.Store, faceRecognition.Store);
        using var sessions = new VisionSessions(ModelStore.ForDataDirectory(data));
        var detector = new FaceDetector(sessions, new FaceDetectionOptions());
        var embedders = new Dictionary<string, IFaceEmbedder>
        {
            [FaceEmbedderNames.FaceRes] = new FaceEmbedder(sessions),
            [FaceEmbedderNames.FaceRecognition] = new FaceRecognitionEmbedder(sessions),
        };
        var quality = new FaceQualityOptions();
        var faces = embedders.Keys.ToDictionary(k => k, _ => new List<(string Identity, string Variant, float[] Vector)>());
        var sources = new[] { ("faces", SamplePhotos.ThreeFaces), ("samples", SamplePhotos.Collage) }
            .Concat(Enumerable.Range(1, 6).Select(i => ($"faceapi{i}", Path.Combine(RepoPaths.NodeModules, "@vladmandic", "face-api", "demo", $"sample{i}.jpg"))));
        foreach (var (name, source) in sources)
        {
            var reference = detector.Detect(VisionImageLoader.Load(source), CancellationToken.None).Select(f => f.Box).ToList();
            foreach (var (variant, path, toSource) in Variants(name, source))
            {
                var image = VisionImageLoader.Load(path);
                foreach (var face in detector.Detect(image, CancellationToken.None))
                {
                    var box = toSource(face.Box);
                    var match = Enumerable.Range(0, reference.Count).Where(i => reference[i].IoU(box) >= 0.5).OrderByDescending(i => reference[i].IoU(box)).FirstOrDefault(-1);
                    if (match < 0 || !quality.IsWorthEmbedding(face))
                    {
                        continue;
                    }

                    foreach (var (embedderName, embedder) in embedders)
                    {
                        var embedding = embedder.Embed(image, face, CancellationToken.None);
                        if (quality.IsClusterable(face, embedding))
                        {
                            // The collage's group photo (below its thumbnail row) has the demo's face mesh drawn over every face.
                            var overlaid = name == "samples" && reference[match].Y > 300;
                            faces[embedderName].Add(($"{name}{(overlaid ? "-mesh" : string.Empty)}#{match}", variant, embedding.Vector));
                        }
                    }
                }
            }
        }

        var options = new FaceClusteringOptions();
        var checks = new List<Action>();
        foreach (var (embedderName, all) in faces)
        foreach (var (subset, list) in new[] { ("clean faces", all.Where(f => !f.Identity.Contains("-mesh", StringComparison.Ordinal)).ToList()), ("all faces incl. mesh-overlaid", all) })
        {
            var (neighbour, match, metric) = options.For(embedderName);
            var same = new List<double>();
            var different = new List<double>();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var d = FaceVectors.Distance(list[i].Vector, list[j].Vector, metric);
                    if (list[i].Identity == list[j].Identity)
                    {
                        same.Add(d);
                    }
                    else if (Source(list[i].Identity) == Source(list[j].Identity) || Source(list[i].Identity) == "faces" || Source(list[j].Identity) == "faces")
                    {
                        // Different places of one photo are different people; the three men of faces.jpg are in no other
                        // photo. Faces of two other photos may be the same person (face-api's samples share models): unknown.
                        different.Add(d);
                    }
                }
            }

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"{embedderName} ({metric}), {subset}: {list.Count} faces of {list.Select(f => f.Identity).Distinct().Count()} people; neighbour {neighbour}, match {match}");
            report.AppendLine(Describe("same person     ", same));
            report.AppendLine(Describe("different people", different));
            foreach (var t in Thresholds(same, different).Append(neighbour).Append(match))
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"  at {t:0.000}: same pairs beyond {same.Count(d => d > t) * 100.0 / same.Count,5:0.0}%, different pairs within {different.Count(d => d <= t) * 100.0 / different.Count,5:0.0}%");
            }

            var worst = list.GroupBy(f => f.Identity).Select(g => (Identity: g.Key, Spread: g.SelectMany(a => g.Select(b => FaceVectors.Distance(a.Vector, b.Vector, metric))).Max()))
                .OrderByDescending(g => g.Spread).Take(3);
            report.AppendLine("  widest people: " + string.Join(", ", worst.Select(w => $"{w.Identity} {w.Spread:0.000}")));
            output.WriteLine(report.ToString());
            Console.WriteLine(report.ToString());

            if (subset == "clean faces")
            {
                var (e, sameRate) = (embedderName, same.Count(d => d <= neighbour) / (double)same.Count);
                var (falseNeighbours, falseMatches) = (different.Count(d => d <= neighbour), different.Count(d => d <= match));
                checks.Add(() =>
                {
                    falseNeighbours.ShouldBe(0, $"{e}: different people within the neighbour distance {neighbour}");
                    falseMatches.ShouldBe(0, $"{e}: different people within the match distance {match}");
                    sameRate.ShouldBeGreaterThan(0.94, $"{e}: same person beyond the neighbour distance too often");
                });
            }
        }

        checks.ForEach(c => c());
    }

    private static string Source(string identity) => identity[..identity.IndexOf('#', StringComparison.Ordinal)].Replace("-mesh", string.Empty, StringComparison.Ordinal);

    private static string Describe(string label, List<double> values)
    {
        var sorted = values.Order().ToList();
        double Q(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(q * (sorted.Count - 1)))];
        return string.Create(CultureInfo.InvariantCulture,
            $"  {label} n={sorted.Count,6}  min {sorted[0]:0.000}  p1 {Q(0.01):0.000}  p5 {Q(0.05):0.000}  p50 {Q(0.5):0.000}  p95 {Q(0.95):0.000}  p99 {Q(0.99):0.000}  max {sorted[^1]:0.000}");
    }

    private static IEnumerable<double> Thresholds(List<double> same, List<double> different)
    {
        var lo = same.Order().ElementAt((int)(0.5 * (same.Count - 1)));
        var hi = different.Min();
        for (var i = 0; i <= 6; i++)
        {
            yield return lo + ((hi - lo) * i / 6);
        }
    }

    /// <summary>The variants of one photo, each with the mapping of its boxes back to the source's upright pixels.</summary>
    private IEnumerable<(string Name, string Path, Func<FaceBox, FaceBox> ToSource)> Variants(string name, string source)
    {
        using var probe = NetVips.Image.NewFromFile(source);
        var (w, h) = (probe.Width, probe.Height);
        yield return ("original", source, b => b);
        yield return ("down0.7", ImageVariants.Downscaled(source, _temp.File(name + "-down7.jpg"), 0.7), b => b.Scale(1 / 0.7));
        yield return ("down0.5", ImageVariants.Downscaled(source, _temp.File(name + "-down5.jpg"), 0.5), b => b.Scale(1 / 0.5));
        var (left, top) = (w / 12, h / 12);
        yield return ("crop", ImageVariants.Cropped(source, _temp.File(name + "-crop.jpg"), left, top, w - (2 * left), h - (2 * top)),
            b => b with { X = b.X + left, Y = b.Y + top });
        yield return ("exif6", ImageVariants.ExifRotated(source, _temp.File(name + "-exif.jpg")), b => b);
        yield return ("bright", ImageVariants.Brightness(source, _temp.File(name + "-bright.jpg"), 35), b => b);
        yield return ("dark", ImageVariants.Brightness(source, _temp.File(name + "-dark.jpg"), -40), b => b);
        yield return ("mirror", ImageVariants.Mirrored(source, _temp.File(name + "-mirror.jpg")), b => b with { X = w - b.X - b.Width });
    }

    public void Dispose() => _temp.Dispose();
}
