using System.Diagnostics;
using System.Globalization;
using System.Net;
using FolderPrism.Indexing.Status;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Views.Tests;

/// <summary>
/// The daemon starts on a library of a few hundred real JPEGs nobody indexed yet; while its job queue is still
/// non-empty (checked through the status service before and after each browse), every view answer is correct:
/// only real photos, under the name and date their file names give, with their real size and bytes.
/// </summary>
public sealed class IndexingWhileBrowsingTests
{
    private const int Count = 300;

    [Fact]
    public async Task Views_are_correct_and_partial_while_the_index_queue_is_still_running()
    {
        var work = Path.Combine(Path.GetTempPath(), "folderprism-views-tests", "gen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var basePath = Path.Combine(work, "base.jpg");
        using (var convert = Process.Start("convert", ["-size", "48x32", "xc:#336699", basePath]))
        {
            await convert.WaitForExitAsync(ViewsHost.Timeout);
            convert.ExitCode.ShouldBe(0);
        }

        var baseBytes = await File.ReadAllBytesAsync(basePath, ViewsHost.Timeout);
        Directory.Delete(work, recursive: true);
        var expected = new Dictionary<string, byte[]>(StringComparer.Ordinal); // view name → bytes
        var start = new DateTime(2019, 1, 1, 8, 0, 0);
        for (var n = 0; n < Count; n++)
        {
            var taken = start.AddHours(n * 7);
            var fileName = $"IMG_{taken:yyyyMMdd_HHmmss}.jpg";
            // Bytes after the JPEG end marker: the same picture, a distinct file (own hash).
            expected[$"{taken:yyyy-MM-dd HH.mm.ss} {fileName}"] = [.. baseBytes, .. System.Text.Encoding.ASCII.GetBytes($"#{n}")];
        }

        await using var host = await ViewsHost.StartAsync(
            extra: new Dictionary<string, string?> { ["Indexing:StartupReconcileDelay"] = "00:00:00", ["Indexing:WorkerCount"] = "1" },
            prepareLibrary: library =>
            {
                foreach (var (name, bytes) in expected)
                {
                    var fileName = name[20..];
                    var full = Path.Combine(library, "Originals", fileName[4..8], fileName);
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.WriteAllBytes(full, bytes);
                }
            });
        var status = host.App.Services.GetRequiredService<IndexStatusService>();
        var partialBrowses = 0;
        var partialListed = new List<int>();
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            var before = await status.GetAsync(0, ViewsHost.Timeout);
            var listed = await BrowseAsync(host, expected);
            var after = await status.GetAsync(0, ViewsHost.Timeout);
            var busy = before.Items > 0 && before.PendingJobs + before.RunningJobs > 0 && after.PendingJobs + after.RunningJobs > 0;
            if (busy)
            {
                partialBrowses++;
                partialListed.Add(listed);
            }

            if (listed == Count && after.PendingJobs + after.RunningJobs == 0)
            {
                break;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"indexing never finished ({listed} of {Count} listed)");
        }

        partialBrowses.ShouldBeGreaterThan(0, "the queue drained before any browse; nothing was tested while indexing ran");
        partialListed.ShouldAllBe(n => n <= Count);
    }

    /// <summary>Walks /Timeline (Depth 1 at each level), checks every item, GETs one per month; returns how many were listed.</summary>
    private static async Task<int> BrowseAsync(ViewsHost host, Dictionary<string, byte[]> expected)
    {
        var listed = 0;
        foreach (var year in await host.ListAsync("/Timeline/"))
        {
            year.ShouldMatch(@"^\d{4}/$");
            foreach (var month in await host.ListAsync("/Timeline/" + year))
            {
                month.ShouldStartWith(year.TrimEnd('/') + "-");
                var folder = "/Timeline/" + year + month;
                var doc = await host.PropFindAsync(folder, "1");
                var items = doc.Descendants(ViewsHost.Dav + "response")
                    .Select(r => (Href: Uri.UnescapeDataString(r.Element(ViewsHost.Dav + "href")!.Value),
                        Length: r.Descendants(ViewsHost.Dav + "getcontentlength").FirstOrDefault()?.Value))
                    .Where(r => !r.Href.EndsWith('/')).ToList();
                items.ShouldNotBeEmpty(folder + " is listed but empty");
                foreach (var (href, length) in items)
                {
                    var name = href[(href.LastIndexOf('/') + 1)..];
                    expected.ShouldContainKey(name, "a view listed something that is not one of the photos");
                    name[..7].ShouldBe(month.TrimEnd('/'), "photo listed under the wrong month");
                    length.ShouldBe(expected[name].Length.ToString(CultureInfo.InvariantCulture));
                }

                var sample = items[0].Href[(items[0].Href.LastIndexOf('/') + 1)..];
                using var get = await host.SendAsync("GET", folder + sample);
                get.StatusCode.ShouldBe(HttpStatusCode.OK);
                (await get.Content.ReadAsByteArrayAsync(ViewsHost.Timeout)).ShouldBe(expected[sample]);
                listed += items.Count;
            }
        }

        return listed;
    }
}
