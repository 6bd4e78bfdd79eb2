using System.Net;
using System.Net.Http.Headers;
using System.IO.Hashing;
using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Tests;

/// <summary>/Duplicates: groups of identical items and displaced versions, served like any item, deletable.</summary>
public sealed class DuplicatesTests
{
    private static readonly DateTime Taken = new(2019, 6, 21, 12, 0, 0);

    [Fact]
    public async Task Groups_list_kept_identical_and_displaced_versions_which_serve_ranges_and_delete_for_good()
    {
        await using var host = await ViewsHost.StartAsync();
        var same = "identical bytes of one photo"u8.ToArray();
        var kept = await host.AddAsync("2019/IMG_1.JPG", Taken, bytes: same);
        var copy = await host.AddAsync("backup/IMG_1.JPG", Taken, i => i.FirstSeenAt = DateTimeOffset.UtcNow.AddMinutes(1), bytes: same);
        var best = await host.AddAsync("2019/IMG_2.JPG", Taken.AddHours(1));
        await host.AddAsync("2019/IMG_3.JPG", Taken.AddHours(2)); // no duplicates: no group
        var small = "a smaller recompressed copy of IMG_2"u8.ToArray();
        var holding = $"{best.Id:N}/IMG_2.JPG";
        var holdingFile = Path.Combine(host.Library, ".duplicates", holding);
        Directory.CreateDirectory(Path.GetDirectoryName(holdingFile)!);
        await File.WriteAllBytesAsync(holdingFile, small);
        var hash = Convert.ToHexStringLower(XxHash128.Hash(small));
        long versionId;
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            var version = new DisplacedVersion
            {
                KeptItemId = best.Id, HoldingPath = holding, OriginalSource = "/camera/IMG_2.JPG", ContentHash = hash,
                Size = small.Length, Distance = 3, DisplacedAt = DateTimeOffset.UtcNow,
            };
            db.DisplacedVersions.Add(version);
            await db.SaveChangesAsync(ViewsHost.Timeout);
            versionId = version.Id;
        }

        (await host.ListAsync("/Duplicates/")).ShouldBe(["2019-06-21 12.00.00 IMG_1 JPG/", "2019-06-21 13.00.00 IMG_2 JPG/"]);
        (await host.ListAsync("/Duplicates/2019-06-21 12.00.00 IMG_1 JPG/"))
            .ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG", $"2019-06-21 12.00.00 IMG_1 ~{copy.Id.ToString("N")[..8]}.JPG"]);
        var displacedName = $"2019-06-21 13.00.00 IMG_2 ~displaced {versionId}.JPG";
        var group = "/Duplicates/2019-06-21 13.00.00 IMG_2 JPG/";
        (await host.ListAsync(group)).ShouldBe(["2019-06-21 13.00.00 IMG_2.JPG", displacedName]);

        // A displaced version is a file like any other: strong ETag from its hash, Range, conditional GET.
        using (var request = new HttpRequestMessage(HttpMethod.Get, ViewsHost.Href(group + displacedName)))
        {
            request.Headers.Range = new RangeHeaderValue(2, 5);
            using var response = await host.Http.SendAsync(request, ViewsHost.Timeout);
            response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
            (await response.Content.ReadAsByteArrayAsync(ViewsHost.Timeout)).ShouldBe(small[2..6]);
            response.Headers.ETag!.Tag.ShouldBe($"\"{hash}\"");
            response.Headers.ETag.IsWeak.ShouldBeFalse();
        }

        using (var conditional = await host.SendAsync("GET", group + displacedName, ("If-None-Match", $"\"{hash}\"")))
        {
            conditional.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }

        var props = await host.PropFindAsync(group + displacedName, "0");
        props.Descendants(ViewsHost.Dav + "getetag").Single().Value.ShouldBe($"\"{hash}\"");
        props.Descendants(ViewsHost.Dav + "getcontentlength").Single().Value.ShouldBe(small.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // DELETE of a displaced version: gone for good, with its row; the group empties away.
        (await host.SendAsync("DELETE", group + displacedName)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        File.Exists(holdingFile).ShouldBeFalse();
        Directory.Exists(Path.GetDirectoryName(holdingFile)).ShouldBeFalse();
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            (await db.DisplacedVersions.CountAsync(ViewsHost.Timeout)).ShouldBe(0);
        }

        (await host.SendAsync("PROPFIND", group, ("Depth", "0"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // DELETE of a library item in a group: to Trash, like Timeline; deleting a whole group is refused.
        (await host.SendAsync("DELETE", "/Duplicates/2019-06-21 12.00.00 IMG_1 JPG/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("DELETE", $"/Duplicates/2019-06-21 12.00.00 IMG_1 JPG/2019-06-21 12.00.00 IMG_1 ~{copy.Id.ToString("N")[..8]}.JPG"))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        File.Exists(Path.Combine(host.Originals, "backup/IMG_1.JPG")).ShouldBeFalse();
        (await host.ListAsync("/Trash/")).ShouldBe(["2019-06-21 12.00.00 IMG_1.JPG"]);
        (await host.ListAsync("/Duplicates/")).ShouldBeEmpty();
        File.Exists(Path.Combine(host.Originals, "2019/IMG_1.JPG")).ShouldBeTrue();
        kept.Id.ShouldNotBe(copy.Id);
    }

    [Fact]
    public async Task Many_groups_split_by_year()
    {
        await using var host = await ViewsHost.StartAsync(maxFolderEntries: 2);
        foreach (var (year, n) in new[] { (2018, 1), (2019, 2), (2019, 3) })
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes("dup " + n);
            await host.AddAsync($"a/IMG_{n}.JPG", new DateTime(year, n, 1, 9, 0, 0), bytes: bytes);
            await host.AddAsync($"b/IMG_{n}.JPG", new DateTime(year, n, 1, 9, 0, 0), i => i.FirstSeenAt = DateTimeOffset.UtcNow.AddMinutes(1), bytes: bytes);
        }

        (await host.ListAsync("/Duplicates/")).ShouldBe(["2018/", "2019/"]);
        (await host.ListAsync("/Duplicates/2019/")).ShouldBe(["2019-02-01 09.00.00 IMG_2 JPG/", "2019-03-01 09.00.00 IMG_3 JPG/"]);
        (await host.ListAsync("/Duplicates/2019/2019-03-01 09.00.00 IMG_3 JPG/")).Count.ShouldBe(2);
    }
}
