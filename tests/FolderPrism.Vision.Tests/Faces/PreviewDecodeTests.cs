using FolderPrism.Core.Configuration;
using FolderPrism.Vision.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Xunit.Abstractions;

namespace FolderPrism.Vision.Tests.Faces;

/// <summary>
/// Vision decodes the indexer's small preview instead of the original, yet reports boxes in pixels of the upright
/// original; a preview that does not match the original is ignored.
/// </summary>
public sealed class PreviewDecodeTests(InstalledModelsFixture models, ITestOutputHelper output) : IClassFixture<InstalledModelsFixture>, IDisposable
{
    /// <summary>Face centres in faces.jpg (600×346), as in <see cref="FaceDetectorTests"/>.</summary>
    private static readonly (double X, double Y)[] ThreeFaceCentres = [(91, 141), (275, 191), (502, 112)];

    private readonly TempDir _temp = new();

    private ServiceProvider Provider()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Path"] = Path.GetDirectoryName(models.Store.Directory) })
            .Build();
        var services = new ServiceCollection();
        services.Configure<DataOptions>(config.GetSection(DataOptions.SectionName));
        services.AddFolderPrismVision(config);
        return services.BuildServiceProvider();
    }

    /// <summary>An upright preview the way the indexer makes one (shrink-on-load, EXIF orientation applied).</summary>
    private string Preview(string original, int size, string name)
    {
        var path = _temp.File(name);
        using var thumb = Image.Thumbnail(original, size, height: size);
        thumb.WriteToFile(path);
        return path;
    }

    private PhotoVisionResult Analyze(string original, string? preview)
    {
        using var sp = Provider();
        var result = sp.GetRequiredService<IPhotoVisionAnalyzer>().Analyze(original, preview, [], CancellationToken.None);
        foreach (var f in result.Faces)
        {
            output.WriteLine($"[{f.Face.Box.X:F0}, {f.Face.Box.Y:F0}, {f.Face.Box.Width:F0}, {f.Face.Box.Height:F0}] score {f.Face.Score:F2}");
        }

        return result;
    }

    private static void ShouldFindThreeFaces(PhotoVisionResult result, double factor)
    {
        result.Faces.Count.ShouldBe(3);
        foreach (var (x, y) in ThreeFaceCentres)
        {
            result.Faces.ShouldContain(f => Math.Abs(f.Face.Box.CenterX - (x * factor)) < 25 * factor && Math.Abs(f.Face.Box.CenterY - (y * factor)) < 25 * factor);
        }
    }

    [Fact]
    public void Faces_found_in_the_preview_are_reported_in_original_pixels()
    {
        var original = ImageVariants.Downscaled(SamplePhotos.ThreeFaces, _temp.File("big.jpg"), 3);
        var result = Analyze(original, Preview(original, 600, "preview.jpg"));
        result.Timings!.FromPreview.ShouldBeTrue();
        result.Width.ShouldBe(1800);
        ShouldFindThreeFaces(result, 3);
        result.Faces.ShouldAllBe(f => f.Clusterable);
        result.Labels.Keys.ShouldContain("person");
    }

    [Fact]
    public void An_exif_rotated_original_with_its_upright_preview_gives_upright_boxes()
    {
        var original = ImageVariants.ExifRotated(SamplePhotos.ThreeFaces, _temp.File("rotated.jpg"));
        var result = Analyze(original, Preview(original, 400, "rotated-preview.jpg"));
        result.Timings!.FromPreview.ShouldBeTrue();
        (result.Width, result.Height).ShouldBe((600, 346));
        ShouldFindThreeFaces(result, 1);
    }

    [Fact]
    public void A_preview_that_does_not_match_the_original_is_ignored()
    {
        var original = ImageVariants.Downscaled(SamplePhotos.ThreeFaces, _temp.File("big2.jpg"), 2);
        var wrong = ImageVariants.Landscape(_temp.File("other.png"), 3, 500, 500);
        var result = Analyze(original, wrong);
        result.Timings!.FromPreview.ShouldBeFalse();
        ShouldFindThreeFaces(result, 2);
        Analyze(original, _temp.File("missing.jpg")).Timings!.FromPreview.ShouldBeFalse();
    }

    public void Dispose() => _temp.Dispose();
}
