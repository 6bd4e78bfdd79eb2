using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Tests.Support;
using NetVips;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Faces;

/// <summary>Descriptors of the same man across variants stay closer than descriptors of different men.</summary>
public sealed class FaceEmbedderTests(InstalledModelsFixture models, ITestOutputHelper output) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private readonly VisionSessions _sessions = new(models.Store);
    private readonly TempDir _temp = new();

    /// <summary>Faces of a file ordered left to right in the upright, unmirrored photo.</summary>
    private List<(DetectedFace Face, FaceEmbedding Embedding)> Faces(string path, bool mirrored = false)
    {
        var image = VisionImageLoader.Load(path);
        var detector = new FaceDetector(_sessions, new FaceDetectionOptions());
        var embedder = new FaceEmbedder(_sessions);
        var faces = detector.Detect(image, CancellationToken.None).Select(f => (f, embedder.Embed(image, f, CancellationToken.None))).ToList();
        return [.. mirrored ? faces.OrderByDescending(f => f.f.Box.X) : faces.OrderBy(f => f.f.Box.X)];
    }

    /// <summary>Several faces in one [N,224,224,3] run (a batch of 2 leaves a last batch of 1) give each face's own descriptor.</summary>
    [Fact]
    public void Batched_descriptors_equal_one_run_per_face()
    {
        var image = VisionImageLoader.Load(SamplePhotos.ThreeFaces);
        var faces = new FaceDetector(_sessions, new FaceDetectionOptions()).Detect(image, CancellationToken.None);
        faces.Count.ShouldBe(3);
        var single = new FaceEmbedder(_sessions, maxBatch: 1).EmbedAll(image, faces, CancellationToken.None);
        var batched = new FaceEmbedder(_sessions, maxBatch: 2).EmbedAll(image, faces, CancellationToken.None);
        batched.Count.ShouldBe(3);
        for (var i = 0; i < faces.Count; i++)
        {
            batched[i].Sharpness.ShouldBe(single[i].Sharpness, 1e-9);
            var diff = batched[i].Vector.Zip(single[i].Vector, (a, b) => Math.Abs(a - b)).Max();
            output.WriteLine($"face {i}: max |batched - single| {diff:E2}");
            diff.ShouldBeLessThan(1e-4f);
            for (var j = 0; j < faces.Count; j++)
            {
                if (j != i)
                {
                    FaceVectors.CosineDistance(batched[i].Vector, single[j].Vector).ShouldBeGreaterThan(0.1);
                }
            }
        }
    }

    [Fact]
    public void Same_person_across_variants_is_closer_than_different_people()
    {
        var original = Faces(SamplePhotos.ThreeFaces);
        original.Count.ShouldBe(3);
        var variants = new List<List<(DetectedFace Face, FaceEmbedding Embedding)>>
        {
            Faces(ImageVariants.Downscaled(SamplePhotos.ThreeFaces, _temp.File("small.jpg"), 0.6)),
            Faces(ImageVariants.Mirrored(SamplePhotos.ThreeFaces, _temp.File("mirror.jpg")), mirrored: true),
            Faces(ImageVariants.Brightness(SamplePhotos.ThreeFaces, _temp.File("dark.jpg"), -40)),
            Faces(ImageVariants.ExifRotated(SamplePhotos.ThreeFaces, _temp.File("rot.jpg"))),
            Faces(ImageVariants.Cropped(SamplePhotos.ThreeFaces, _temp.File("crop.jpg"), 20, 30, 540, 300)),
        };
        double worstSame = 0, bestDifferent = 2;
        foreach (var variant in variants)
        {
            variant.Count.ShouldBe(3);
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    var d = original[i].Embedding.DistanceTo(variant[j].Embedding);
                    if (i == j)
                    {
                        worstSame = Math.Max(worstSame, d);
                    }
                    else
                    {
                        bestDifferent = Math.Min(bestDifferent, d);
                    }
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

        output.WriteLine($"worst same-person distance {worstSame:F3}, closest different-person distance {bestDifferent:F3}");
        worstSame.ShouldBeLessThan(bestDifferent);
    }

    [Fact]
    public void Blurred_faces_measure_less_sharp_and_fail_the_quality_filter()
    {
        string blurred;
        using (var img = NetVips.Image.NewFromFile(SamplePhotos.ThreeFaces))
        using (var blur = img.Gaussblur(5))
        {
            blurred = _temp.File("blur.jpg");
            blur.WriteToFile(blurred);
        }

        var quality = new FaceQualityOptions();
        var sharp = Faces(SamplePhotos.ThreeFaces);
        var soft = Faces(blurred);
        output.WriteLine($"sharp: {string.Join(", ", sharp.Select(f => f.Embedding.Sharpness.ToString("F0")))}; blurred: {string.Join(", ", soft.Select(f => f.Embedding.Sharpness.ToString("F0")))}");
        sharp.ShouldAllBe(f => quality.IsClusterable(f.Face, f.Embedding));
        soft.ShouldAllBe(f => !quality.IsClusterable(f.Face, f.Embedding));
        sharp.ShouldAllBe(f => f.Embedding.Vector.Length == 1024);
    }

    /// <summary>With the quality filter's sharpness as the threshold, blurred crops get no descriptor and sharp ones the usual one.</summary>
    [Fact]
    public void Blurred_crops_below_the_threshold_get_no_descriptor()
    {
        string blurred;
        using (var img = NetVips.Image.NewFromFile(SamplePhotos.ThreeFaces))
        using (var blur = img.Gaussblur(5))
        {
            blurred = _temp.File("blur.jpg");
            blur.WriteToFile(blurred);
        }

        var min = new FaceQualityOptions().MinSharpness;
        var embedder = new FaceEmbedder(_sessions, maxBatch: 2);
        var detector = new FaceDetector(_sessions, new FaceDetectionOptions());
        var soft = VisionImageLoader.Load(blurred);
        var softFaces = detector.Detect(soft, CancellationToken.None);
        softFaces.ShouldNotBeEmpty();
        embedder.EmbedAll(soft, softFaces, min, CancellationToken.None).ShouldAllBe(e => e.IsEmpty && e.Sharpness < min);

        var sharp = VisionImageLoader.Load(SamplePhotos.ThreeFaces);
        var sharpFaces = detector.Detect(sharp, CancellationToken.None);
        var gated = embedder.EmbedAll(sharp, sharpFaces, min, CancellationToken.None);
        var all = embedder.EmbedAll(sharp, sharpFaces, CancellationToken.None);
        gated.Count.ShouldBe(sharpFaces.Count);
        for (var i = 0; i < gated.Count; i++)
        {
            gated[i].Vector.ShouldBe(all[i].Vector);
            gated[i].Sharpness.ShouldBe(all[i].Sharpness);
        }
    }

    /// <summary>A box drawn by hand (or read from an XMP region) is embedded close to the detected face it covers.</summary>
    [Fact]
    public void A_hand_drawn_box_embeds_like_the_detected_face()
    {
        var detected = Faces(SamplePhotos.ThreeFaces);
        var image = VisionImageLoader.Load(SamplePhotos.ThreeFaces);
        var embedder = new FaceEmbedder(_sessions);
        for (var i = 0; i < detected.Count; i++)
        {
            var b = detected[i].Face.Box;
            var manual = DetectedFace.FromRegion(new FaceBox(b.X + 4, b.Y - 3, b.Width * 0.95, b.Height * 1.02));
            var embedding = embedder.Embed(image, manual, CancellationToken.None);
            var own = embedding.DistanceTo(detected[i].Embedding);
            var others = detected.Where((_, j) => j != i).Min(d => embedding.DistanceTo(d.Embedding));
            output.WriteLine($"manual box {i}: own {own:F3}, nearest other {others:F3}");
            own.ShouldBeLessThan(others);
            own.ShouldBeLessThan(new Vision.Clustering.FaceClusteringOptions().MatchDistance);
        }
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _temp.Dispose();
    }
}
