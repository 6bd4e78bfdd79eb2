using FolderPrism.Core.Configuration;
using FolderPrism.Core.Media;
using FolderPrism.Imaging;
using FolderPrism.Indexing.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Indexing.Tests.Media;

public sealed class EmbeddedJpegAndRegistrationTests : IDisposable
{
    private readonly MediaWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Fact]
    public void Finds_the_largest_complete_jpeg_between_other_bytes()
    {
        var small = File.ReadAllBytes(ws.Scene("s.jpg", 160, 120, 30));
        var large = File.ReadAllBytes(ws.Scene("l.jpg", 800, 600, 31));
        byte[] junk = [0xFF, 0xD8, 0xFF, 0x00, 1, 2, 3, 0xFF, 0xD8];
        byte[] file = [.. junk, .. small, .. junk, .. large, .. junk];

        var found = EmbeddedJpegFinder.FindLargest(file);

        found.ShouldNotBeNull();
        (found.Width, found.Height).ShouldBe((800, 600));
        found.Offset.ShouldBe((junk.Length * 2) + small.Length);
        found.Length.ShouldBe(large.Length);
        EmbeddedJpegFinder.FindLargest(junk).ShouldBeNull();
    }

    [Fact]
    public async Task Di_registration_resolves_the_analyzer_and_the_processor()
    {
        var services = new ServiceCollection();
        services.Configure<DataOptions>(o => o.Path = Path.Combine(ws.Root, "data"));
        services.AddFolderPrismMediaAnalysis();
        await using var provider = services.BuildServiceProvider();

        var analyzer = provider.GetRequiredService<IMediaAnalyzer>();
        var processor = provider.GetRequiredService<IMediaProcessor>();
        var photo = ws.Scene("IMG_20190312_142301.jpg", 300, 200, 32);
        var analysis = await analyzer.AnalyzeAsync(photo, CancellationToken.None);
        var derivatives = await processor.ProcessAsync(photo, analysis.ContentHash, analysis.Kind, CancellationToken.None);

        analyzer.ShouldBeOfType<MediaAnalyzer>();
        processor.ShouldBeSameAs(provider.GetRequiredService<VipsMediaProcessor>());
        File.Exists(derivatives.SmallThumbnailPath).ShouldBeTrue();
        derivatives.PreviewPath.ShouldStartWith(Path.Combine(ws.Root, "data", "thumbs"));
    }
}
