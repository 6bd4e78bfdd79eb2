using FolderPrism.Core.Media;
using FolderPrism.Imaging;

namespace FolderPrism.Indexing.Tests.Media;

public sealed class MediaProcessorTests : IDisposable
{
    private readonly MediaWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private static (int W, int H) Size(string path)
    {
        using var image = NetVips.Image.NewFromFile(path);
        return (image.Width, image.Height);
    }

    private async Task<MediaDerivatives> Process(string path, MediaKind kind = MediaKind.Image, ImagingOptions? options = null)
    {
        using var processor = ws.Processor(options);
        var hash = await FolderPrism.Indexing.Metadata.ContentHasher.ComputeAsync(path, CancellationToken.None);
        return await processor.ProcessAsync(path, hash, kind, CancellationToken.None);
    }

    [Fact]
    public async Task Writes_both_sizes_keyed_by_hash_without_metadata()
    {
        var photo = ws.Scene("big.jpg", 2400, 1600, 20);
        ws.Exif(photo, "-Make=Canon", "-GPSLatitude=10", "-GPSLatitudeRef=N");
        var hash = await FolderPrism.Indexing.Metadata.ContentHasher.ComputeAsync(photo, CancellationToken.None);
        using var processor = ws.Processor();

        var result = await processor.ProcessAsync(photo, hash, MediaKind.Image, CancellationToken.None);

        result.SmallThumbnailPath.ShouldBe(processor.ThumbnailPath(hash, ThumbnailSize.Small));
        result.PreviewPath.ShouldBe(processor.ThumbnailPath(hash, ThumbnailSize.Preview));
        result.PreviewPath.ShouldEndWith(Path.Combine(hash[..2], hash + "-1440.jpg"));
        Size(result.PreviewPath).ShouldBe((1440, 960));
        Size(result.SmallThumbnailPath).ShouldBe((256, 171));
        result.PerceptualHash.ShouldNotBeNull();
        MediaWorkspace.Run("exiftool", "-s", "-Make", "-GPSLatitude", result.PreviewPath).Trim().ShouldBeEmpty();
        Directory.GetFiles(Path.GetDirectoryName(result.PreviewPath)!, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task Exif_orientation_6_gives_a_portrait_thumbnail_and_small_images_are_not_upscaled()
    {
        var photo = ws.Scene("rotated.jpg", 600, 400, 21);
        ws.Exif(photo, "-Orientation#=6");

        var result = await Process(photo);

        Size(result.PreviewPath).ShouldBe((400, 600));
        Size(result.SmallThumbnailPath).ShouldBe((171, 256));
    }

    [Fact]
    public async Task Perceptual_hash_matches_a_downscaled_recompressed_stripped_copy_and_not_another_photo()
    {
        var original = ws.Scene("orig.jpg", 2000, 1500, 22);
        ws.Exif(original, "-Make=Canon", "-DateTimeOriginal=2019:01:01 00:00:00");
        var copy = ws.PathOf("google/orig.jpg");
        MediaWorkspace.Run("convert", original, "-resize", "800x600", "-strip", "-quality", "60", copy);
        var other = ws.Scene("other.jpg", 2000, 1500, 99);

        var a = (await Process(original)).PerceptualHash!.Value;
        var b = (await Process(copy)).PerceptualHash!.Value;
        var c = (await Process(other)).PerceptualHash!.Value;

        PerceptualHash.Distance(a, b).ShouldBeLessThanOrEqualTo(6);
        PerceptualHash.Distance(a, c).ShouldBeGreaterThan(16);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("gif")]
    [InlineData("webp")]
    [InlineData("tif")]
    public async Task Decodes_common_formats(string ext)
    {
        var photo = ws.Scene("p." + ext, 1600, 1200, 23);

        var result = await Process(photo);

        Size(result.PreviewPath).ShouldBe((1440, 1080));
    }

    [Fact]
    public async Task Decodes_heic_and_avif()
    {
        var jpeg = ws.Scene("src.jpg", 1600, 1200, 24);
        var heic = ws.PathOf("a.heic");
        var avif = ws.PathOf("a.avif");
        MediaWorkspace.Run("heif-enc", "-q", "60", jpeg, "-o", heic);
        MediaWorkspace.Run("heif-enc", "--avif", "-q", "60", jpeg, "-o", avif);

        Size((await Process(heic)).PreviewPath).ShouldBe((1440, 1080));
        Size((await Process(avif)).PreviewPath).ShouldBe((1440, 1080));
    }

    [Fact]
    public async Task Raw_uses_its_embedded_preview_and_metadata_comes_from_the_tiff_structure()
    {
        // A TIFF-structured RAW stand-in: small main image + EXIF (like a DNG/NEF IFD0) and a larger JPEG preview
        // stored in the same file. exiftool cannot add preview IFDs, so the preview is appended, unreferenced.
        var tiff = ws.Scene("raw/base.tif", 160, 120, 25);
        ws.Exif(tiff, "-Make=Nikon", "-Model=D750", "-DateTimeOriginal=2016:02:03 04:05:06", "-DNGVersion=1.4.0.0");
        var preview = ws.Scene("raw/preview.jpg", 1800, 1200, 25);
        var raw = ws.PathOf("raw/DSC_0001.NEF");
        File.WriteAllBytes(raw, [.. File.ReadAllBytes(tiff), .. File.ReadAllBytes(preview)]);

        var result = await Process(raw);
        var analysis = await ws.Analyzer().AnalyzeAsync(raw, CancellationToken.None);

        Size(result.PreviewPath).ShouldBe((1440, 960));
        analysis.MimeType.ShouldBe("image/x-nikon-nef");
        analysis.Make.ShouldBe("Nikon");
        analysis.TakenAt!.Source.ShouldBe(DateSource.Exif);
        analysis.TakenAt.Local.ShouldBe(new DateTime(2016, 2, 3, 4, 5, 6));
    }

    [Fact]
    public async Task Video_poster_frame_is_thumbnailed_upright()
    {
        var video = ws.PathOf("clip.mp4");
        var plain = ws.PathOf("plain.mp4");
        MediaWorkspace.Run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=10", "-t", "3",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", plain);
        MediaWorkspace.Run("ffmpeg", "-v", "error", "-y", "-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90", video);

        var result = await Process(video, MediaKind.Video);

        Size(result.PreviewPath).ShouldBe((360, 640));
        result.PerceptualHash.ShouldNotBeNull();
        Directory.GetFiles(Path.GetDirectoryName(result.PreviewPath)!, "*.png").ShouldBeEmpty();
    }

    [Fact]
    public async Task Zero_byte_garbage_truncated_and_bomb_inputs_throw_MediaDecodeException()
    {
        var empty = ws.PathOf("empty.jpg");
        File.WriteAllBytes(empty, []);
        var garbage = ws.PathOf("garbage.jpg");
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))]);
        var whole = ws.Scene("whole.jpg", 1200, 900, 26);
        var truncated = ws.PathOf("truncated.jpg");
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var bomb = ws.PathOf("bomb.png");
        PngBomb.Write(bomb, 30000, 30000);
        var video = ws.PathOf("broken.mp4");
        File.WriteAllBytes(video, [.. bytes[..1000]]);

        foreach (var (path, kind) in new[] { (empty, MediaKind.Image), (garbage, MediaKind.Image), (truncated, MediaKind.Image), (bomb, MediaKind.Image), (video, MediaKind.Video) })
        {
            var e = await Should.ThrowAsync<MediaDecodeException>(() => Process(path, kind));
            e.Message.ShouldNotBeNullOrWhiteSpace();
        }

        (await Should.ThrowAsync<MediaDecodeException>(() => Process(bomb))).Message.ShouldContain("above the limit");
        // The loader's own line, not libvips's outer "unable to write to memory" wrapper.
        (await Should.ThrowAsync<MediaDecodeException>(() => Process(truncated, MediaKind.Image))).Message
            .ShouldContain("Premature end");
    }

    [Fact]
    public async Task Analyzer_reports_damage_instead_of_throwing()
    {
        var empty = ws.PathOf("empty.jpg");
        File.WriteAllBytes(empty, []);
        var garbage = ws.PathOf("garbage.png");
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 13))]);
        var video = ws.PathOf("broken.mov");
        File.WriteAllBytes(video, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 3))]);
        var analyzer = ws.Analyzer();

        foreach (var path in new[] { empty, garbage, video })
        {
            var a = await analyzer.AnalyzeAsync(path, CancellationToken.None);
            a.IsDamaged.ShouldBeTrue(path);
            a.DamageReason.ShouldNotBeNullOrWhiteSpace();
            a.ContentHash.Length.ShouldBe(32);
        }
    }

    [Fact]
    public async Task Decoding_past_the_time_limit_is_aborted_with_a_clear_error()
    {
        var photo = ws.Scene("slow.png", 4000, 3000, 27);

        var e = await Should.ThrowAsync<MediaDecodeException>(
            () => Process(photo, options: new ImagingOptions { DecodeTimeout = TimeSpan.FromTicks(1) }));

        e.Message.ShouldContain("longer than");
    }

    [Fact]
    public void Thumbnail_path_rejects_non_hash_keys()
    {
        using var processor = ws.Processor();
        Should.Throw<ArgumentException>(() => processor.ThumbnailPath("../../etc/passwd", ThumbnailSize.Small));
    }
}
