using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Import.Tests;

/// <summary>
/// Import hashes pixels from a reduced decode and leaves thumbnails to the indexer; the indexer hashes its 1440-px
/// preview. The two must agree closely enough that photos hashed either way still match as near-duplicates.
/// </summary>
public sealed class IndexerInteropTests
{
    [Fact]
    public async Task Imports_leave_thumbnails_to_the_indexer_and_both_perceptual_hashes_agree()
    {
        await using var f = await ImportFixture.CreateAsync();
        // A photo already in Originals/, indexed (and hashed) by the indexer, not by import.
        var indexed = MediaMaker.CameraJpeg(f.Original("2019/06/IMG_3001.JPG"), 90, "2019:06:21 12:00:00", "+02:00", 1200, 900);
        var runner = f.Services.GetRequiredService<IndexCommandRunner>();
        await runner.RunAsync(rescan: false, progress: null, default);
        Directory.CreateDirectory(f.Source("takeout"));
        MediaMaker.Run("convert", indexed, "-resize", "600x450", "-quality", "60", "-strip", f.Source("takeout/IMG_3001.JPG"));
        MediaMaker.CameraJpeg(f.Source("card/IMG_3002.JPG"), 91, "2019:06:22 12:00:00", "+02:00", 1200, 900);
        MediaMaker.Image(f.Source("card/scan.png"), 700, 500, 92);

        var result = await f.ImportAsync();

        var held = result.Entries.Single(e => e.Source.EndsWith("IMG_3001.JPG", StringComparison.Ordinal));
        held.Outcome.ShouldBe("duplicate", "the import-side hash of the Google copy matches the indexer-side hash of the original");
        held.DuplicateOf.ShouldBe("2019/06/IMG_3001.JPG");
        var imported = (await f.ItemsAsync()).Where(i => i.RelativePath != "2019/06/IMG_3001.JPG").ToList();
        imported.Count.ShouldBe(2);
        imported.ShouldAllBe(i => i.PerceptualHash != null && i.ThumbnailState == ThumbnailState.Pending, "import hashes but makes no thumbnails");

        await runner.RunAsync(rescan: false, progress: null, default);

        foreach (var before in imported)
        {
            var after = (await f.ItemsAsync()).Single(i => i.Id == before.Id);
            after.ThumbnailState.ShouldBe(ThumbnailState.Ready);
            var distance = PerceptualHash.Distance(unchecked((ulong)before.PerceptualHash!.Value), unchecked((ulong)after.PerceptualHash!.Value));
            distance.ShouldBeLessThanOrEqualTo(2, before.RelativePath);
        }
    }
}
