using System.Diagnostics;
using FolderPrism.Core.Configuration;
using FolderPrism.Vision.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Faces;

/// <summary>The DI-registered analyzer, as the index job handler will call it.</summary>
public sealed class PhotoVisionAnalyzerTests(InstalledModelsFixture models, ITestOutputHelper output) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    private readonly TempDir _temp = new();

    private static ServiceProvider Provider(string dataDir)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Path"] = dataDir }).Build();
        var services = new ServiceCollection();
        services.Configure<DataOptions>(config.GetSection(DataOptions.SectionName));
        services.AddFolderPrismVision(config);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Analyzes_a_photo_into_faces_descriptors_and_labels()
    {
        using var sp = Provider(Path.GetDirectoryName(models.Store.Directory)!);
        var analyzer = sp.GetRequiredService<IPhotoVisionAnalyzer>();
        analyzer.IsAvailable.ShouldBeTrue();
        var result = analyzer.Analyze(SamplePhotos.ThreeFaces, CancellationToken.None);
        result.Width.ShouldBe(600);
        result.Height.ShouldBe(346);
        result.Faces.Count.ShouldBe(3);
        result.Faces.ShouldAllBe(f => f.Clusterable && f.Embedding.Vector.Length == 1024);
        result.Labels.Keys.ShouldContain("person");
    }

    [Fact]
    public void Without_models_vision_is_unavailable_and_says_so()
    {
        using var sp = Provider(_temp.Path);
        sp.GetRequiredService<IPhotoVisionAnalyzer>().IsAvailable.ShouldBeFalse();
        sp.GetRequiredService<Models.ModelStore>().Describe().ShouldStartWith("vision off");
    }

    [Fact]
    public void An_undecodable_file_is_a_clear_error()
    {
        using var sp = Provider(Path.GetDirectoryName(models.Store.Directory)!);
        var bad = _temp.File("broken.jpg");
        File.WriteAllBytes(bad, [0xFF, 0xD8, 0xFF, 0x00, 0x01, 0x02]);
        Should.Throw<InvalidDataException>(() => sp.GetRequiredService<IPhotoVisionAnalyzer>().Analyze(bad, CancellationToken.None));
    }

    /// <summary>Prints throughput for the record (no timing assertion): a 12-megapixel group-sized photo, tiled.</summary>
    [Fact]
    public void Large_photos_are_tiled_and_still_find_every_face()
    {
        using var sp = Provider(Path.GetDirectoryName(models.Store.Directory)!);
        var analyzer = sp.GetRequiredService<IPhotoVisionAnalyzer>();
        var big = ImageVariants.Downscaled(SamplePhotos.ThreeFaces, _temp.File("big.jpg"), 7);
        analyzer.Analyze(big, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        const int runs = 4;
        for (var i = 0; i < runs; i++)
        {
            var result = analyzer.Analyze(big, CancellationToken.None);
            result.Width.ShouldBe(4200);
            result.Faces.Count.ShouldBe(3);
        }

        output.WriteLine($"{runs / watch.Elapsed.TotalSeconds:F2} photos/s (4200×2422, detection+embedding+labels, 1 thread), RSS {Process.GetCurrentProcess().WorkingSet64 / 1048576} MB");
    }

    [Fact]
    public void A_face_free_landscape_gets_no_faces_and_no_person_label()
    {
        using var sp = Provider(Path.GetDirectoryName(models.Store.Directory)!);
        var result = sp.GetRequiredService<IPhotoVisionAnalyzer>().Analyze(ImageVariants.Landscape(_temp.File("land.png"), 8, 3000, 2000), CancellationToken.None);
        result.Faces.ShouldBeEmpty();
        result.Labels.Keys.ShouldNotContain("person");
    }

    /// <summary>A small group in a large frame: the whole-image pass cannot resolve the faces, so the analyzer
    /// must fall back to tiles (CenterNet sees the people) and still find all three.</summary>
    [Fact]
    public void A_small_group_in_a_large_frame_is_found_through_tiles()
    {
        var canvas = _temp.File("canvas.jpg");
        using (var small = NetVips.Image.NewFromFile(SamplePhotos.ThreeFaces))
        using (var framed = small.Embed(1100, 700, 2800, 1800, extend: NetVips.Enums.Extend.White))
        {
            framed.WriteToFile(canvas);
        }

        using var sp = Provider(Path.GetDirectoryName(models.Store.Directory)!);
        var result = sp.GetRequiredService<IPhotoVisionAnalyzer>().Analyze(canvas, CancellationToken.None);
        output.WriteLine(string.Join("; ", result.Faces.Select(f => $"[{f.Face.Box.X:F0},{f.Face.Box.Y:F0},{f.Face.Box.Width:F0}] {f.Face.Score:F2}")) + " | people " + result.Objects.Count(o => o.Label == "person"));
        result.Faces.Count.ShouldBe(3);
        result.Faces.ShouldAllBe(f => f.Face.Box.X > 1100 && f.Face.Box.Y > 700);
    }

    public void Dispose() => _temp.Dispose();
}
