using FolderPrism.Core.Media;

namespace FolderPrism.Core.Tests.Media;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData("a.JPG", MediaKind.Image, "image/jpeg")]
    [InlineData("a.heic", MediaKind.Image, "image/heic")]
    [InlineData("a.avif", MediaKind.Image, "image/avif")]
    [InlineData("a.CR2", MediaKind.Image, "image/x-canon-cr2")]
    [InlineData("a.MOV", MediaKind.Video, "video/quicktime")]
    [InlineData("a.3gp", MediaKind.Video, "video/3gpp")]
    [InlineData("a.txt", MediaKind.Unknown, "application/octet-stream")]
    [InlineData("noext", MediaKind.Unknown, "application/octet-stream")]
    public void Maps_extension(string name, MediaKind kind, string mime)
    {
        MediaTypes.GetKind(name).ShouldBe(kind);
        MediaTypes.GetMimeType(name).ShouldBe(mime);
    }

    [Fact]
    public void Raw_formats_are_flagged()
    {
        foreach (var ext in new[] { "cr2", "nef", "arw", "dng", "orf", "rw2", "raf" })
        {
            MediaTypes.IsRaw("x." + ext).ShouldBeTrue(ext);
        }

        MediaTypes.IsRaw("x.jpg").ShouldBeFalse();
    }
}
