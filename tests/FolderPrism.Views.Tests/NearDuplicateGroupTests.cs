using System.Diagnostics;
using System.Net;
using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Views.Tests;

/// <summary>
/// /Duplicates groups near-duplicates that are both in Originals/ (a downscaled, recompressed copy of a photo), found
/// when the indexer hashes them: real JPEGs, the real indexer and watcher, listings over HTTP.
/// </summary>
public sealed class NearDuplicateGroupTests
{
    private const string Group = "/Duplicates/2019-06-21 12.00.00 p2 jpg/";

    [Fact]
    public async Task Near_duplicates_in_Originals_group_with_the_best_version_kept_and_members_delete_to_Trash()
    {
        var work = Path.Combine(Path.GetTempPath(), "folderprism-views-tests", "near-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var p2 = Path.Combine(work, "p2.jpg");
        await RunAsync("convert", "-seed", "42", "-size", "640x480", "plasma:fractal", "-quality", "92", p2);
        await RunAsync("convert", p2, "-resize", "75%", "-quality", "80", Path.Combine(work, "p2_mid.jpg"));
        await RunAsync("convert", p2, "-resize", "50%", "-quality", "60", Path.Combine(work, "p2_small.jpg"));
        await RunAsync("convert", "-seed", "7", "-size", "640x480", "plasma:fractal", "-quality", "92", Path.Combine(work, "other.jpg"));
        await RunAsync("exiftool", "-q", "-overwrite_original", "-DateTimeOriginal=2019:06:21 12:00:00", "-Make=Canon", "-Model=EOS",
            p2, Path.Combine(work, "p2_mid.jpg"), Path.Combine(work, "p2_small.jpg"), Path.Combine(work, "other.jpg"));
        try
        {
            await using var host = await ViewsHost.StartAsync(
                extra: new Dictionary<string, string?> { ["Indexing:StartupReconcileDelay"] = "00:00:00", ["Indexing:WorkerCount"] = "1" },
                prepareLibrary: library =>
                {
                    Directory.CreateDirectory(Path.Combine(library, "Originals", "2019"));
                    Directory.CreateDirectory(Path.Combine(library, "Originals", "small"));
                    File.Copy(Path.Combine(work, "p2_mid.jpg"), Path.Combine(library, "Originals", "2019", "p2_mid.jpg"));
                    File.Copy(Path.Combine(work, "p2_small.jpg"), Path.Combine(library, "Originals", "small", "p2_small.jpg"));
                    File.Copy(Path.Combine(work, "other.jpg"), Path.Combine(library, "Originals", "2019", "other.jpg"));
                });

            // Two versions of one photo: one group, the better (larger) kept and naming it; the unrelated image is in none.
            var midGroup = "/Duplicates/2019-06-21 12.00.00 p2_mid jpg/";
            await UntilAsync(host, "/Duplicates/", l => l.Count == 1);
            (await host.ListAsync("/Duplicates/")).ShouldBe(["2019-06-21 12.00.00 p2_mid jpg/"]);
            (await host.ListAsync(midGroup)).ShouldBe(["2019-06-21 12.00.00 p2_mid.jpg", "2019-06-21 12.00.00 p2_small.jpg"], ignoreOrder: true);

            // The original and an exact copy of it arrive later (watcher): one group of all four, the original kept,
            // although the smaller versions were seen first.
            File.Copy(p2, Path.Combine(host.Originals, "2019", "p2.jpg"));
            Directory.CreateDirectory(Path.Combine(host.Originals, "backup"));
            File.Copy(p2, Path.Combine(host.Originals, "backup", "p2.jpg"));
            await UntilAsync(host, "/Duplicates/", l => l.SequenceEqual(["2019-06-21 12.00.00 p2 jpg/"]));
            await UntilAsync(host, Group, l => l.Count == 4);
            var files = await host.ListAsync(Group);
            files.Count(f => f.StartsWith("2019-06-21 12.00.00 p2 ", StringComparison.Ordinal) || f == "2019-06-21 12.00.00 p2.jpg").ShouldBe(2);
            files.ShouldContain("2019-06-21 12.00.00 p2_mid.jpg");
            files.ShouldContain("2019-06-21 12.00.00 p2_small.jpg");

            // DELETE of a member: to Trash (restorable), out of the group; the kept photo stays.
            (await host.SendAsync("DELETE", Group + "2019-06-21 12.00.00 p2_small.jpg")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await host.ListAsync(Group)).ShouldNotContain("2019-06-21 12.00.00 p2_small.jpg");
            (await host.ListAsync(Group)).Count.ShouldBe(3);
            (await host.ListAsync("/Trash/")).ShouldBe(["2019-06-21 12.00.00 p2_small.jpg"]);
            File.Exists(Path.Combine(host.Originals, "2019", "p2.jpg")).ShouldBeTrue();
            File.Exists(Path.Combine(host.Originals, "small", "p2_small.jpg")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task Pairs_follow_hash_changes_and_deletes()
    {
        await using var host = await ViewsHost.StartAsync();
        var taken = new DateTime(2019, 6, 21, 12, 0, 0);
        const long hash = 0x5a5a_1234_f0f0_7777;
        var big = await host.AddAsync("2019/big.jpg", taken, i => Image(i, hash, 4000, 3000));
        var small = await host.AddAsync("2019/small.jpg", taken, i => Image(i, hash ^ 0b1011, 400, 300)); // 3 bits apart
        var far = await host.AddAsync("2019/far.jpg", taken, i => Image(i, hash ^ 0x7f00, 4000, 3000)); // 7 bits from big, 10 from small
        var wide = await host.AddAsync("2019/wide.jpg", taken, i => Image(i, hash, 4000, 2000)); // another aspect
        await DrainAsync(host);
        (await PairsAsync(host)).ShouldBe([(big.Id, small.Id), (small.Id, big.Id)], ignoreOrder: true);
        (await host.ListAsync("/Duplicates/")).ShouldBe(["2019-06-21 12.00.00 big jpg/"]);

        // A new hash drops the item's pairs in the same statement (trigger) and queues it again.
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            await db.MediaItems.Where(i => i.Id == small.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.PerceptualHash, ~hash), ViewsHost.Timeout);
        }

        (await PairsAsync(host)).ShouldBeEmpty();
        await DrainAsync(host);
        (await PairsAsync(host)).ShouldBeEmpty();
        (await host.ListAsync("/Duplicates/")).ShouldBeEmpty();

        // Back to a close hash: paired again; a deleted row takes its pairs and bands along.
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            await db.MediaItems.Where(i => i.Id == small.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.PerceptualHash, hash ^ 1), ViewsHost.Timeout);
        }

        await DrainAsync(host);
        (await PairsAsync(host)).Count.ShouldBe(2);
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            await db.MediaItems.Where(i => i.Id == big.Id).ExecuteDeleteAsync(ViewsHost.Timeout);
            (await db.Set<PerceptualBand>().CountAsync(b => b.ItemId == big.Id, ViewsHost.Timeout)).ShouldBe(0);
            (await db.Set<PerceptualBand>().CountAsync(ViewsHost.Timeout)).ShouldBe(3);
        }

        (await PairsAsync(host)).ShouldBeEmpty();
        far.Id.ShouldNotBe(wide.Id);
    }

    [Fact]
    public async Task Many_images_with_one_hash_store_a_bounded_number_of_pairs_and_still_make_one_group()
    {
        await using var host = await ViewsHost.StartAsync();
        var taken = new DateTime(2019, 6, 21, 12, 0, 0);
        const int count = 80; // black frames or blank screenshots: every pair would be 80 × 79 = 6,320 rows
        for (var n = 0; n < count; n++)
        {
            await host.AddAsync($"2019/black{n:D2}.jpg", taken.AddSeconds(n), i => Image(i, 0, 1600, 1200));
        }

        await DrainAsync(host);
        (await PairsAsync(host)).Count.ShouldBeLessThanOrEqualTo(2 * 32 * count);
        var groups = await host.ListAsync("/Duplicates/");
        groups.Count.ShouldBe(1);
        (await host.ListAsync("/Duplicates/" + groups[0])).Count.ShouldBe(count);
    }

    private static void Image(Core.Library.MediaItem item, long hash, int width, int height)
    {
        item.Kind = Core.Media.MediaKind.Image;
        item.PerceptualHash = hash;
        item.Width = width;
        item.Height = height;
    }

    private static async Task DrainAsync(ViewsHost host) =>
        await host.App.Services.GetRequiredService<Indexing.Import.NearDuplicateLinker>().DrainAsync(ViewsHost.Timeout);

    private static async Task<List<(Guid, Guid)>> PairsAsync(ViewsHost host)
    {
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        return (await db.Set<NearDuplicatePair>().ToListAsync(ViewsHost.Timeout)).Select(p => (p.ItemId, p.OtherId)).ToList();
    }

    /// <summary>Polls a listing until the indexer (and watcher) caught up; fails after the host's generous timeout.</summary>
    private static async Task UntilAsync(ViewsHost host, string path, Func<List<string>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var listed = await host.ListAsync(path);
            if (done(listed))
            {
                return;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{path} never got there: {string.Join(", ", listed)}");
            await Task.Delay(200, ViewsHost.Timeout);
        }
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync(ViewsHost.Timeout);
        await process.WaitForExitAsync(ViewsHost.Timeout);
        process.ExitCode.ShouldBe(0, $"{tool}: {error}");
    }
}
