using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Tests.Media;

public sealed class VideoAnalysisTests : IDisposable
{
    private readonly MediaWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private string MakeVideo(string name, params string[] metadata)
    {
        var plain = ws.PathOf("src-" + name + ".mp4");
        MediaWorkspace.Run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10", "-t", "2",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", plain);
        var path = ws.PathOf(name);
        MediaWorkspace.Run("ffmpeg", ["-v", "error", "-y", "-i", plain, "-c", "copy", .. metadata, path]);
        return path;
    }

    [Fact]
    public async Task Creation_time_rotation_location_duration_and_codec_are_read()
    {
        var video = MakeVideo("clip.mov",
            "-metadata", "creation_time=2020-05-06T07:08:09Z", "-metadata", "location=+48.8577+002.2950+035.000/",
            "-metadata:s:v:0", "rotate=90");

        var a = await ws.Analyzer().AnalyzeAsync(video, CancellationToken.None);

        a.IsDamaged.ShouldBeFalse(a.DamageReason);
        a.Kind.ShouldBe(MediaKind.Video);
        a.MimeType.ShouldBe("video/quicktime");
        a.VideoCodec.ShouldBe("h264");
        (a.Width, a.Height).ShouldBe((320, 240));
        a.DurationSeconds!.Value.ShouldBe(2, 0.2);
        // ffmpeg 5.1 stores "rotate=90" as a display matrix of +90° (counter-clockwise): 270° clockwise to show upright.
        a.Rotation.ShouldBe(270);
        a.TakenAt!.Source.ShouldBe(DateSource.Video);
        a.TakenAt.UtcOrLocal.ShouldBe(new DateTime(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        a.Location!.Latitude.ShouldBe(48.8577, 1e-6);
        a.Location.Longitude.ShouldBe(2.2950, 1e-6);
        a.Location.Altitude!.Value.ShouldBe(35, 1e-6);
    }

    [Theory]
    [InlineData("VID_20190312_142301.mp4")]
    [InlineData("clip.mkv")]
    [InlineData("clip.3gp")]
    public async Task Containers_are_probed_and_name_dates_apply_without_creation_time(string name)
    {
        var video = MakeVideo(name, "-map_metadata", "-1");

        var a = await ws.Analyzer().AnalyzeAsync(video, CancellationToken.None);

        a.IsDamaged.ShouldBeFalse(a.DamageReason);
        a.VideoCodec.ShouldBe("h264");
        a.TakenAt!.Source.ShouldBe(name.StartsWith("VID_", StringComparison.Ordinal) ? DateSource.FileName : DateSource.FileTime);
    }
}
