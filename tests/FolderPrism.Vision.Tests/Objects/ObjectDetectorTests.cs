using FolderPrism.Vision.Imaging;
using FolderPrism.Vision.Models;
using FolderPrism.Vision.Objects;
using FolderPrism.Vision.Tests.Support;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Objects;

public sealed class ObjectDetectorTests(InstalledModelsFixture models, ITestOutputHelper output) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private readonly VisionSessions _sessions = new(models.Store);
    private readonly TempDir _temp = new();

    /// <summary>The C# decoding of the cut graph gives what the original graph's own TopK/gather computes.</summary>
    [Fact]
    public void Csharp_decoding_matches_the_original_graph_detections()
    {
        var image = VisionImageLoader.Load(SamplePhotos.ThreeFaces);
        var input = new DenseTensor<float>([1, 512, 512, 3]);
        ImageSampler.Sample(image, new ImageSampler.Transform(0, 0, image.Width / 512.0, 0, 0, image.Height / 512.0), 512, 512, input.Buffer.Span, 1f, 0f);
        // The installed model (dynamic input) at the trained 512, where the original graph's TopK can run too.
        var heads = OrtRunner.Run(File.ReadAllBytes(models.Store.TryGetModelPath(VisionModelCatalog.ObjectDetector.Id)!), [new NamedTensor("tower_0/images", [1, 512, 512, 3], input.Buffer.ToArray())]);
        heads["tower_0/keypoints"].Shape.ShouldBe([1, 128, 128, 80]);
        var ours = CenterNetDecoder.Decode(heads["tower_0/keypoints"].Data, heads["tower_0/wh"].Data, 0.15);
        var modelJson = Path.Combine(RepoPaths.NodeModules, VisionModelCatalog.ObjectDetector.Package, VisionModelCatalog.ObjectDetector.ModelJson);
        var tfjs = TfjsRunner.Run(modelJson, [new NamedTensor("tower_0/images", [1, 512, 512, 3], input.Buffer.ToArray())], ["tower_0/detections"])["tower_0/detections"];
        var reference = Enumerable.Range(0, tfjs.Shape[1]).Select(i => tfjs.Data.AsSpan(i * 6, 6).ToArray()).Where(d => d[4] >= 0.15).ToList();
        output.WriteLine(string.Join("\n", ours.Select(o => $"{o.Label} {o.Score:F3} [{o.Box.X:F1},{o.Box.Y:F1},{o.Box.Right:F1},{o.Box.Bottom:F1}]")));
        reference.Count.ShouldBeGreaterThan(0);
        ours.Count.ShouldBe(reference.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            var r = reference[i];
            ours[i].ClassId.ShouldBe((int)r[5]);
            ours[i].Score.ShouldBe(r[4], 1e-3);
            ours[i].Box.X.ShouldBe(r[0], 0.05);
            ours[i].Box.Y.ShouldBe(r[1], 0.05);
            ours[i].Box.Right.ShouldBe(r[2], 0.05);
            ours[i].Box.Bottom.ShouldBe(r[3], 0.05);
        }
    }

    /// <summary>At the trained 512 and at the cheaper default input size of the dynamic-input model.</summary>
    [Theory]
    [InlineData(384)]
    [InlineData(512)]
    public void Three_men_are_labelled_person_and_a_landscape_is_not(int inputSize)
    {
        var detector = new ObjectDetector(_sessions, new ObjectDetectionOptions { InputSize = inputSize });
        detector.InputSizeOf(_sessions.Get(VisionModelCatalog.ObjectDetector.Id)).ShouldBe(inputSize);
        var people = detector.Detect(VisionImageLoader.Load(SamplePhotos.ThreeFaces), CancellationToken.None);
        output.WriteLine(string.Join(", ", people.Select(o => $"{o.Label} {o.Score:F2}")));
        people.Count(o => o.Label == "person").ShouldBe(3);
        var landscape = detector.Detect(VisionImageLoader.Load(ImageVariants.Landscape(_temp.File("l.png"), 4)), CancellationToken.None);
        output.WriteLine(string.Join(", ", landscape.Select(o => $"{o.Label} {o.Score:F2}")));
        landscape.ShouldNotContain(o => o.Label == "person");
    }

    [Theory]
    [InlineData("puppy", "dog")]
    [InlineData("Automobile", "car")]
    [InlineData("sofa", "couch")]
    [InlineData("giraffe", "giraffe")]
    public void Synonyms_map_onto_coco_labels(string word, string label)
    {
        LabelSynonyms.Resolve(word).ShouldBe(label);
        CocoLabels.All.ShouldContain(label);
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _temp.Dispose();
    }
}
