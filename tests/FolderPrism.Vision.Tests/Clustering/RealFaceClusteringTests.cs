using FolderPrism.Vision.Clustering;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Tests.Support;

namespace FolderPrism.Vision.Tests.Clustering;

/// <summary>The full chain on real photos: detect → embed → cluster over the three-men photo and its variants.</summary>
public sealed class RealFaceClusteringTests(InstalledModelsFixture models) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private readonly VisionSessions _sessions = new(models.Store);
    private readonly TempDir _temp = new();

    [Fact]
    public void Each_man_across_variants_lands_in_his_own_cluster()
    {
        var src = SamplePhotos.ThreeFaces;
        var photos = new[]
        {
            src,
            ImageVariants.Downscaled(src, _temp.File("a.jpg"), 0.7),
            ImageVariants.Mirrored(src, _temp.File("b.jpg")),
            ImageVariants.Brightness(src, _temp.File("c.jpg"), 35),
            ImageVariants.ExifRotated(src, _temp.File("d.jpg")),
        };
        var detector = new FaceDetector(_sessions, new FaceDetectionOptions());
        var embedder = new FaceEmbedder(_sessions);
        var faces = new List<(ClusterFace Face, int Man)>();
        for (var p = 0; p < photos.Length; p++)
        {
            var image = VisionImageLoader.Load(photos[p]);
            var found = detector.Detect(image, CancellationToken.None).OrderBy(f => f.Box.CenterX).ToList();
            found.Count.ShouldBe(3);
            for (var i = 0; i < found.Count; i++)
            {
                var man = p == 2 ? 2 - i : i; // the mirrored copy lists the men right to left
                faces.Add((new ClusterFace((p * 10) + i, p, embedder.Embed(image, found[i], CancellationToken.None).Vector), man));
            }
        }

        var result = new FaceClusterer(new FaceClusteringOptions()).Cluster(faces.Select(f => f.Face).ToList(), CancellationToken.None).ToDictionary(r => r.FaceId);
        for (var man = 0; man < 3; man++)
        {
            var clusters = faces.Where(f => f.Man == man).Select(f => result[f.Face.FaceId].ClusterId).Distinct().ToList();
            clusters.Count.ShouldBe(1, $"man {man} split over {clusters.Count} clusters");
            clusters[0].ShouldNotBeNull();
        }

        faces.Select(f => result[f.Face.FaceId].ClusterId).Distinct().Count().ShouldBe(3);
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _temp.Dispose();
    }
}
