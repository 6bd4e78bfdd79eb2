using System.Net;
using FolderPrism.Indexing.Jobs;
using FolderPrism.Core.Media;
using Microsoft.Extensions.DependencyInjection;
using static FolderPrism.Views.Tests.SidecarTestFiles;

namespace FolderPrism.Views.Tests;

/// <summary>
/// The re-index/sidecar race, played deterministically: an analysis that read the sidecar BEFORE a tag was removed is
/// applied AFTER the removal (and after the sidecar writer caught up). It must not bring the tag back.
/// </summary>
public sealed class SidecarReindexRaceTests
{
    private const string Name = "2019-06-21 12.00.00 IMG_1.JPG";

    [Fact]
    public async Task An_analysis_that_read_the_sidecar_before_an_untag_does_not_bring_the_tag_back()
    {
        await using var host = await ViewsHost.StartAsync(extra: SidecarsOn);
        var original = Path.Combine(host.Originals, "2019", "IMG_1.JPG");
        await MakeJpegAsync(original);
        var item = await WaitAnalysedAsync(host, "2019/IMG_1.JPG");
        (await host.SendAsync("MKCOL", "/Tags/Beach")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("COPY", "/Originals/2019/IMG_1.JPG",
            ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href("/Tags/Beach/IMG_1.JPG")).AbsoluteUri))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ReindexAsync(host, item);
        (await AssociationsAsync(host, item.Id)).Tags.ShouldBe(["Beach"]);

        var analyzer = host.App.Services.GetRequiredService<IMediaAnalyzer>();
        var applier = host.App.Services.GetRequiredService<AnalysisApplier>();
        var stale = await analyzer.AnalyzeAsync(original, ViewsHost.Timeout); // a re-index reads the sidecar (Beach)...
        stale.Keywords.ShouldBe(["Beach"]);

        (await host.SendAsync("DELETE", "/Tags/Beach/" + Name)).StatusCode.ShouldBe(HttpStatusCode.NoContent); // ...the user untags...
        await WhenSidecarsWrittenAsync(host);
        Values(await ExifToolXmpAsync(original + ".xmp"), "Subject").ShouldBeEmpty();

        await applier.ApplyAsync(item.Id, stale, ViewsHost.Timeout); // ...and the old read lands afterwards.
        (await AssociationsAsync(host, item.Id)).Tags.ShouldBeEmpty();
        await WhenSidecarsWrittenAsync(host);
        Values(await ExifToolXmpAsync(original + ".xmp"), "Subject").ShouldBeEmpty();

        // A read of the rewritten sidecar applies normally, and so does a later edit made by another program.
        await applier.ApplyAsync(item.Id, await analyzer.AnalyzeAsync(original, ViewsHost.Timeout), ViewsHost.Timeout);
        (await AssociationsAsync(host, item.Id)).Tags.ShouldBeEmpty();
        await RunAsync("exiftool", "-q", "-overwrite_original", "-XMP-dc:Subject=Sea", original + ".xmp");
        await applier.ApplyAsync(item.Id, await analyzer.AnalyzeAsync(original, ViewsHost.Timeout), ViewsHost.Timeout);
        (await AssociationsAsync(host, item.Id)).Tags.ShouldBe(["Sea"]);
    }
}
