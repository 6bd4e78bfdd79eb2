using static FolderPrism.Views.Tests.SidecarTestFiles;

namespace FolderPrism.Views.Tests;

/// <summary>
/// A photo exported by Lightroom or digiKam carries its hierarchical keyword's levels in dc:subject too; the Tags view
/// shows the hierarchy once, not every level again as a top-level folder.
/// </summary>
public sealed class KeywordHierarchyTagTests
{
    [Fact]
    public async Task Lightroom_keywords_appear_as_one_hierarchy_beside_the_plain_ones()
    {
        await using var host = await ViewsHost.StartAsync();
        var original = Path.Combine(host.Originals, "2019", "IMG_7.JPG");
        await MakeJpegAsync(original);
        await RunAsync("exiftool", "-q", "-overwrite_original", "-XMP-dc:Subject=Places", "-XMP-dc:Subject=France",
            "-XMP-dc:Subject=Paris", "-XMP-dc:Subject=Plage d'été", "-XMP-lr:HierarchicalSubject=Places|France|Paris", original);
        await WaitAnalysedAsync(host, "2019/IMG_7.JPG");

        (await host.ListAsync("/Tags/")).ShouldBe(["Places/", "Plage d'été/"]);
        (await host.ListAsync("/Tags/Places/")).ShouldBe(["France/"]);
        (await host.ListAsync("/Tags/Places/France/Paris/")).ShouldBe(["2019-06-21 12.00.00 IMG_7.JPG"]);
        (await host.ListAsync("/Tags/Plage d'été/")).ShouldBe(["2019-06-21 12.00.00 IMG_7.JPG"]);
    }
}
