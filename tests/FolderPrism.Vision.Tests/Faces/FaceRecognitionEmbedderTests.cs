using FolderPrism.Vision.Clustering;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Tests.Support;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Faces;

/// <summary>
/// The alternative embedder (face-api's face_recognition, rebuilt as ONNX) on real photos: the same man across
/// downscaled, mirrored, darkened, EXIF-rotated and cropped copies is closer (euclidean) than different men, and
/// clustering with the face_recognition defaults puts each man in his own cluster.
/// </summary>
public sealed class FaceRecognitionEmbedderTests(FaceRecognitionModelsFixture models, ITestOutputHelper output) : IClassFixture<FaceRecognitionModelsFixture>, IDisposable
{
    private readonly VisionSessions _sessions = new(models.Store);
    private readonly TempDir _temp = new();

    private List<(DetectedFace Face, FaceEmbedding Embedding)> Faces(string path, bool mirrored = false)
    {
        var image = VisionImageLoader.Load(path);
        var detector = new FaceDetector(_sessions, new FaceDetectionOptions());
        var embedder = new FaceRecognitionEmbedder(_sessions);
        var faces = detector.Detect(image, CancellationToken.None).Select(f => (f, embedder.Embed(image, f, CancellationToken.None))).ToList();
        return [.. mirrored ? faces.OrderByDescending(f => f.f.Box.X) : faces.OrderBy(f => f.f.Box.X)];
    }

    private List<List<(DetectedFace Face, FaceEmbedding Embedding)>> Variants() =>
    [
        Faces(ImageVariants.Downscaled(SamplePhotos.ThreeFaces, _temp.File("small.jpg"), 0.6)),
        Faces(ImageVariants.Mirrored(SamplePhotos.ThreeFaces, _temp.File("mirror.jpg")), mirrored: true),
        Faces(ImageVariants.Brightness(SamplePhotos.ThreeFaces, _temp.File("dark.jpg"), -40)),
        Faces(ImageVariants.ExifRotated(SamplePhotos.ThreeFaces, _temp.File("rot.jpg"))),
        Faces(ImageVariants.Cropped(SamplePhotos.ThreeFaces, _temp.File("crop.jpg"), 20, 30, 540, 300)),
    ];

    [Fact]
    public void Same_person_across_variants_is_closer_than_different_people()
    {
        var original = Faces(SamplePhotos.ThreeFaces);
        original.Count.ShouldBe(3);
        original.ShouldAllBe(f => f.Embedding.Vector.Length == 128 && f.Embedding.Metric == FaceDistanceMetric.Euclidean);
        double worstSame = 0, bestDifferent = double.MaxValue;
        foreach (var variant in Variants())
        {
            variant.Count.ShouldBe(3);
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    var d = original[i].Embedding.DistanceTo(variant[j].Embedding);
                    (worstSame, bestDifferent) = i == j ? (Math.Max(worstSame, d), bestDifferent) : (worstSame, Math.Min(bestDifferent, d));
                }
            }
        }

        for (var i = 0; i < 3; i++)
        {
            for (var j = i + 1; j < 3; j++)
            {
                bestDifferent = Math.Min(bestDifferent, original[i].Embedding.DistanceTo(original[j].Embedding));
            }
        }

        var defaults = new FaceClusteringOptions();
        output.WriteLine($"face_recognition: worst same-person distance {worstSame:F3}, closest different-person distance {bestDifferent:F3} " +
            $"(defaults: neighbour {defaults.FaceRecognitionNeighbourDistance}, match {defaults.FaceRecognitionMatchDistance}; face-api's threshold 0.6)");
        worstSame.ShouldBeLessThan(bestDifferent);
        worstSame.ShouldBeLessThan(defaults.FaceRecognitionNeighbourDistance);
        bestDifferent.ShouldBeGreaterThan(defaults.FaceRecognitionMatchDistance);
    }

    [Fact]
    public void Each_man_across_variants_lands_in_his_own_cluster_with_the_face_recognition_defaults()
    {
        var photos = new List<List<(DetectedFace Face, FaceEmbedding Embedding)>> { Faces(SamplePhotos.ThreeFaces) };
        photos.AddRange(Variants());
        var faces = new List<(ClusterFace Face, int Man)>();
        for (var p = 0; p < photos.Count; p++)
        {
            photos[p].Count.ShouldBe(3);
            for (var i = 0; i < 3; i++)
            {
                faces.Add((new ClusterFace((p * 10) + i, p, photos[p][i].Embedding.Vector), i));
            }
        }

        var result = new FaceClusterer(new FaceClusteringOptions(), FaceEmbedderNames.FaceRecognition)
            .Cluster(faces.Select(f => f.Face).ToList(), CancellationToken.None).ToDictionary(r => r.FaceId);
        for (var man = 0; man < 3; man++)
        {
            var clusters = faces.Where(f => f.Man == man).Select(f => result[f.Face.FaceId].ClusterId).Distinct().ToList();
            clusters.Count.ShouldBe(1, $"man {man} split over {clusters.Count} clusters");
            clusters[0].ShouldNotBeNull();
        }

        faces.Select(f => result[f.Face.FaceId].ClusterId).Distinct().Count().ShouldBe(3);
    }

    /// <summary>
    /// Real group photos (@vladmandic/face-api's six demo photos, 3–5 people each): the different people of one photo
    /// that pass the quality filter are all farther apart than the neighbour distance, so none could join another's
    /// cluster. (The group photo of human's samples.jpg is not used here: the demo drew its face mesh over every face,
    /// which pulls those descriptors together, see FaceDistanceCalibrationTests.)
    /// </summary>
    [Fact]
    public void Different_people_of_a_group_photo_are_not_neighbours()
    {
        var quality = new FaceQualityOptions();
        var closest = double.MaxValue;
        var people = 0;
        for (var sample = 1; sample <= 6; sample++)
        {
            var group = Faces(Path.Combine(RepoPaths.NodeModules, "@vladmandic", "face-api", "demo", $"sample{sample}.jpg"))
                .Where(f => quality.IsClusterable(f.Face, f.Embedding)).ToList();
            group.Count.ShouldBeGreaterThanOrEqualTo(3);
            people += group.Count;
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    closest = Math.Min(closest, group[i].Embedding.DistanceTo(group[j].Embedding));
                }
            }
        }

        output.WriteLine($"{people} faces in 6 group photos, closest pair of one photo {closest:F3}");
        closest.ShouldBeGreaterThan(new FaceClusteringOptions().FaceRecognitionNeighbourDistance);
        closest.ShouldBeGreaterThan(new FaceClusteringOptions().FaceRecognitionMatchDistance);
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _temp.Dispose();
    }
}
