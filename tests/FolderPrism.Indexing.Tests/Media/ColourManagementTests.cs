using FolderPrism.Core.Media;
using NetVips;

namespace FolderPrism.Indexing.Tests.Media;

/// <summary>
/// Thumbnails are sRGB: wide-gamut and CMYK files are transformed with their profile, while untagged and
/// sRGB-tagged files skip the (expensive, identity) ICC transform and keep their pixel values.
/// </summary>
public sealed class ColourManagementTests : IDisposable
{
    private readonly MediaWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    /// <summary>A flat sRGB red (255, 0, 0) image, optionally converted to and tagged with a libvips built-in profile.</summary>
    private string Red(string name, string? profile)
    {
        var path = ws.PathOf(name);
        using var black = Image.Black(400, 300, bands: 3);
        using var red = black.Linear([1.0, 1.0, 1.0], [255.0, 0.0, 0.0]);
        using var bytes = red.Cast(Enums.BandFormat.Uchar);
        using var srgb = bytes.Copy(interpretation: Enums.Interpretation.Srgb);
        if (profile is null)
        {
            srgb.Jpegsave(path, q: 95);
        }
        else
        {
            using var tagged = srgb.IccTransform(profile, inputProfile: "srgb");
            tagged.Jpegsave(path, q: 95);
        }

        return path;
    }

    private static double[] CentrePixel(string path)
    {
        using var image = Image.NewFromFile(path);
        return image.Getpoint(image.Width / 2, image.Height / 2);
    }

    private async Task<string> PreviewOf(string path)
    {
        using var processor = ws.Processor();
        var hash = await FolderPrism.Indexing.Metadata.ContentHasher.ComputeAsync(path, CancellationToken.None);
        return (await processor.ProcessAsync(path, hash, MediaKind.Image, CancellationToken.None)).PreviewPath;
    }

    [Fact]
    public async Task A_display_p3_photo_is_transformed_to_srgb()
    {
        var p3 = Red("p3.jpg", "p3");
        var stored = CentrePixel(p3);
        stored[1].ShouldBeGreaterThan(25, "P3 stores sRGB red with some green; otherwise this test proves nothing");

        var preview = CentrePixel(await PreviewOf(p3));

        preview[0].ShouldBeGreaterThan(245);
        preview[1].ShouldBeLessThan(15);
        preview[2].ShouldBeLessThan(15);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("srgb")]
    public async Task Untagged_and_srgb_tagged_photos_keep_their_colours(string? profile)
    {
        var photo = Red($"red-{profile ?? "untagged"}.jpg", profile);

        var preview = CentrePixel(await PreviewOf(photo));

        var stored = CentrePixel(photo);
        for (var band = 0; band < 3; band++)
        {
            Math.Abs(preview[band] - stored[band]).ShouldBeLessThan(6);
        }
    }

    [Fact]
    public async Task A_cmyk_jpeg_becomes_a_three_band_srgb_preview()
    {
        var rgb = ws.Scene("rgb.jpg", 800, 600, 31);
        var cmyk = ws.PathOf("cmyk.jpg");
        MediaWorkspace.Run("convert", rgb, "-colorspace", "CMYK", cmyk);
        using (var source = Image.NewFromFile(cmyk))
        {
            source.Interpretation.ShouldBe(Enums.Interpretation.Cmyk);
        }

        using var preview = Image.NewFromFile(await PreviewOf(cmyk));

        preview.Bands.ShouldBe(3);
        preview.Interpretation.ShouldBe(Enums.Interpretation.Srgb);
    }
}
