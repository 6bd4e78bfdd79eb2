using System.Globalization;
using System.Net;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;

namespace FolderPrism.Views.Tests;

/// <summary>
/// Every search filter lists exactly the visible photos it matches, whichever path the listing takes (one query when the
/// date range alone proves it flat, the per-tag date index for <c>tag:</c> plus dates, ids first otherwise), and splits
/// consistently: a folder holds at most the limit, and splits only when its matches are over it.
/// </summary>
public sealed class SearchResultTests
{
    private const int Limit = 6;

    private sealed record Photo(MediaItem Item, string Name, string[] Tags, string? Person);

    [Fact]
    public async Task Each_filter_lists_exactly_its_visible_matches_flat_or_split()
    {
        await using var host = await ViewsHost.StartAsync(maxFolderEntries: Limit);
        var random = new Random(6);
        var photos = new List<Photo>();
        for (var i = 0; i < 60; i++)
        {
            // 2018-2019, with 2019-06 crowded; unique capture seconds so names carry no ~id suffix.
            var taken = i < 12 ? new DateTime(2019, 6, 1 + i, 10, 0, i) : new DateTime(2018 + (i % 2), 1 + (i % 12), 1 + (i % 27), 8, i % 60, 0);
            var video = i % 9 == 0;
            var path = $"{(i % 5 == 0 ? "beach" : "home")}/IMG_{i:D3}.{(video ? "mp4" : "jpg")}";
            var make = i % 4 == 0 ? "Canon" : "Nikon";
            var item = await host.AddAsync(path, taken, m => m.Make = make);
            var tags = new List<string>();
            if (random.Next(3) == 0)
            {
                await host.TagAsync(item, "Big");
                tags.Add("Big");
            }

            if (random.Next(4) == 0)
            {
                await host.TagAsync(item, "Trips", "Spain");
                tags.Add("Trips|Spain");
            }

            string? person = null;
            if (i % 7 == 0)
            {
                await host.PersonAsync(item, "Alice");
                person = "Alice";
            }

            photos.Add(new Photo(item, $"{taken.ToString("yyyy-MM-dd HH.mm.ss", CultureInfo.InvariantCulture)} IMG_{i:D3}.{(video ? "mp4" : "jpg")}", [.. tags], person));
        }

        // Two trashed photos (one tagged) count for nothing.
        foreach (var photo in photos.Where(p => p.Tags.Contains("Big")).Take(1).Concat(photos.Skip(1).Take(1)).ToList())
        {
            (await host.SendAsync("DELETE", "/Originals/" + photo.Item.RelativePath)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            photos.Remove(photo);
        }

        bool In(Photo p, int year, int? month = null) => p.Item.TakenLocal!.Value.Year == year && (month is null || p.Item.TakenLocal.Value.Month == month);
        bool Tagged(Photo p, string tag) => p.Tags.Any(t => t == tag || t.StartsWith(tag + "|", StringComparison.Ordinal) || t.EndsWith("|" + tag, StringComparison.Ordinal));
        var cases = new (string Query, Func<Photo, bool> Match)[]
        {
            ("year:2019", p => In(p, 2019)),
            ("month:2019-06", p => In(p, 2019, 6)),
            ("month:2018-03", p => In(p, 2018, 3)),
            ("home month:2018-05", p => p.Item.RelativePath.StartsWith("home/", StringComparison.Ordinal) && In(p, 2018, 5)),
            ("month:6", p => p.Item.TakenLocal!.Value.Month == 6),
            ("tag:big", p => Tagged(p, "Big")),
            ("tag:big year:2019", p => Tagged(p, "Big") && In(p, 2019)),
            ("tag:BIG month:2019-06", p => Tagged(p, "Big") && In(p, 2019, 6)),
            ("tag:trips year:2018", p => Tagged(p, "Trips") && In(p, 2018)),
            ("tag:spain", p => Tagged(p, "Spain")),
            ("tag:big tag:spain", p => Tagged(p, "Big") && Tagged(p, "Spain")),
            ("tag:big year:2019 year:2018", _ => false),
            ("tag:nothing year:2019", _ => false),
            ("person:ali", p => p.Person == "Alice"),
            ("camera:canon", p => p.Item.Make == "Canon"),
            ("type:video", p => p.Item.Kind == MediaKind.Video),
            ("beach", p => p.Item.RelativePath.StartsWith("beach/", StringComparison.Ordinal)),
            ("beach year:2019", p => p.Item.RelativePath.StartsWith("beach/", StringComparison.Ordinal) && In(p, 2019)),
            ("tag:big camera:nikon year:2019", p => Tagged(p, "Big") && p.Item.Make == "Nikon" && In(p, 2019)),
        };
        foreach (var (query, match) in cases)
        {
            var expected = photos.Where(match).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            var listed = await WalkAsync(host, "/Search/" + query + "/");
            listed.Order(StringComparer.Ordinal).ToList().ShouldBe(expected, query);
        }
    }

    /// <summary>Every photo below a folder; checks each folder's photos against the limit and each split against its total.</summary>
    private static async Task<List<string>> WalkAsync(ViewsHost host, string path)
    {
        var entries = await host.ListAsync(path);
        var folders = entries.Where(e => e.EndsWith('/')).ToList();
        var files = entries.Where(e => !e.EndsWith('/')).ToList();
        (folders.Count == 0 || files.Count == 0).ShouldBeTrue(path); // a folder splits entirely or not at all
        files.Count.ShouldBeLessThanOrEqualTo(Limit, path); // sub-folders (one per year, month, day) are not limited
        foreach (var folder in folders)
        {
            files.AddRange(await WalkAsync(host, path + folder));
        }

        if (folders.Count > 0)
        {
            files.Count.ShouldBeGreaterThan(Limit, path); // split only when over the limit
        }

        return files;
    }
}
