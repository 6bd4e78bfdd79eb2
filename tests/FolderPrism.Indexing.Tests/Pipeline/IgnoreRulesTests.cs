using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Tests.Pipeline;

public sealed class IgnoreRulesTests
{
    private readonly IgnoreRules _rules = new(Options.Create(new IndexingOptions { IgnorePatterns = ["**/*.tmp", "Private/**"] }));

    [Theory]
    [InlineData(".DS_Store")]
    [InlineData("a/._IMG_1.JPG")]
    [InlineData("a/Thumbs.db")]
    [InlineData("a/DESKTOP.INI")]
    [InlineData("a/@eaDir/IMG_1.JPG/SYNOFILE_THUMB_M.jpg")]
    [InlineData(".stfolder")]
    [InlineData("2019/.upload-1234-IMG_1.JPG")]
    [InlineData("x/y/download.tmp")]
    [InlineData("Private/me.jpg")]
    public void Ignored(string path) => _rules.IsIgnored(path).ShouldBeTrue();

    [Theory]
    [InlineData("2019/06/IMG_1.JPG")]
    [InlineData("Privateer/a.jpg")]
    [InlineData("a.tmp.jpg")]
    public void Not_ignored(string path) => _rules.IsIgnored(path).ShouldBeFalse();

    [Theory]
    [InlineData("a/IMG_1.JPG.xmp", true)]
    [InlineData("a/IMG_1.xmp", true)]
    [InlineData("a/IMG_1.jpg.supplemental-metadata.json", true)]
    [InlineData("a/IMG_1.jpg", false)]
    public void Sidecars_are_not_items(string path, bool sidecar)
    {
        IgnoreRules.IsSidecar(path).ShouldBe(sidecar);
        _rules.IsCandidate(path).ShouldBe(!sidecar);
    }
}
