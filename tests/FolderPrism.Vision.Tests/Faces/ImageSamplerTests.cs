using FolderPrism.Vision.Imaging;

namespace FolderPrism.Vision.Tests.Faces;

/// <summary>The separable axis-aligned fast path fills model inputs exactly like the general per-pixel sampler.</summary>
public sealed class ImageSamplerTests
{
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(12.25, -3.5, 1)]
    [InlineData(-10.3, 5.7, 0.93)]
    [InlineData(40.6, 20.1, 0.5)]
    [InlineData(-50, -30, 0.99)]
    public void Axis_aligned_fast_path_matches_the_general_sampler(double left, double top, double scale)
    {
        var random = new Random(7);
        var pixels = new byte[300 * 200 * 3];
        random.NextBytes(pixels);
        var image = new RgbImage(300, 200, pixels);
        var t = ImageSampler.Transform.Axis(left, top, scale);
        var fast = new float[192 * 192 * 3];
        var general = new float[192 * 192 * 3];
        ImageSampler.Sample(image, t, 192, 192, fast, 1 / 127.5f, -1f);
        ImageSampler.SampleTaps(image, t, 192, 192, general, 1 / 127.5f, -1f);
        var worst = fast.Zip(general).Max(p => Math.Abs(p.First - p.Second));
        worst.ShouldBeLessThan(1e-4f);
        general.ShouldContain(v => v != -1f); // the image was sampled, not only padding
    }
}
