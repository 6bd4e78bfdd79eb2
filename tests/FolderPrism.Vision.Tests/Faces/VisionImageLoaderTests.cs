using FolderPrism.Vision.Imaging;

namespace FolderPrism.Vision.Tests.Faces;

/// <summary>
/// The pooled rasters of <see cref="VisionImageLoader"/>: decodes and resizes go back to the pool on dispose, and the
/// NetVips field whose memory-pressure hint induced gen-2 collections is still there to clear.
/// </summary>
public sealed class VisionImageLoaderTests
{
    [Fact]
    public void The_netvips_memory_pressure_field_still_exists()
    {
        var field = VisionImageLoader.MemoryPressureField.ShouldNotBeNull("NetVips renamed GObject.MemoryPressure: resizes would induce gen-2 GCs again");
        field.FieldType.ShouldBe(typeof(long));
    }

    [Fact]
    public void A_resize_keeps_the_pixels_and_a_disposed_raster_gives_its_buffer_back()
    {
        var pixels = new byte[300 * 200 * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = (200, 100, 50);
        }

        var source = new RgbImage(300, 200, pixels, scaleToOriginal: 2);
        var resized = VisionImageLoader.Resize(source, 0.5, 0.5);
        resized.Width.ShouldBe(150);
        resized.Height.ShouldBe(100);
        resized.Length.ShouldBe(150 * 100 * 3);
        resized.Pixels.Length.ShouldBeGreaterThanOrEqualTo(resized.Length);
        resized.ScaleToOriginal.ShouldBe(4, 1e-9);
        resized.Span[..3].ToArray().ShouldBe(new byte[] { 200, 100, 50 });

        resized.Dispose();
        Should.Throw<ObjectDisposedException>(() => resized.Pixels);
        source.Dispose();
        source.Pixels.ShouldBeSameAs(pixels); // not rented: the caller's array stays usable
    }
}
