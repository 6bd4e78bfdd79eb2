using System.Diagnostics;
using System.Text.Json;
using FolderPrism.Core.Library;
using FolderPrism.Indexing;
using FolderPrism.Views.Sidecars;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Views.Tests;

/// <summary>Real JPEGs (ImageMagick + exiftool), waiting for the real indexer, and reading sidecars back with exiftool.</summary>
internal static class SidecarTestFiles
{
    public static readonly Dictionary<string, string?> SidecarsOn = new() { ["Views:WriteXmpSidecars"] = "true" };

    /// <summary>A small JPEG taken 2019-06-21 12:00:00, optionally with embedded IPTC and XMP keywords.</summary>
    public static Task MakeJpegAsync(string path, params string[] embeddedKeywords) =>
        MakePhotoAsync(path, "gradient:skyblue-navy", "2019:06:21 12:00:00", embeddedKeywords);

    /// <summary>A small JPEG drawn by ImageMagick from <paramref name="source"/> (e.g. <c>pattern:bricks</c>), dated <paramref name="taken"/>.</summary>
    public static Task MakePhotoAsync(string path, string source, string taken, params string[] embeddedKeywords) =>
        MakePhotoAsync(path, source, taken, 64, 48, embeddedKeywords);

    /// <summary>As above, <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static async Task MakePhotoAsync(string path, string source, string taken, int width, int height, params string[] embeddedKeywords)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, ".making-" + Path.GetFileName(path));
        await RunAsync("convert", "-size", $"{width}x{height}", source, "jpg:" + temp);
        var args = new List<string> { "-q", "-overwrite_original", "-DateTimeOriginal=" + taken };
        args.AddRange(embeddedKeywords.SelectMany(k => new[] { "-IPTC:Keywords=" + k, "-XMP-dc:Subject=" + k }));
        args.Add(temp);
        await RunAsync("exiftool", [.. args]);
        File.Move(temp, path);
    }

    /// <summary><c>exiftool -json -XMP:all</c> of a sidecar, as one flat object.</summary>
    public static async Task<JsonElement> ExifToolXmpAsync(string sidecar)
    {
        var json = await RunAsync("exiftool", "-json", "-XMP:all", sidecar);
        return JsonDocument.Parse(json).RootElement[0].Clone();
    }

    /// <summary>
    /// A tag's values as a list (exiftool prints one value as a scalar, several as an array, and a stated empty list as "").
    /// </summary>
    public static List<string> Values(JsonElement xmp, string tag) =>
        !xmp.TryGetProperty(tag, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.ToString()).Where(v => v.Length > 0).ToList()
        : value.ToString() is { Length: > 0 } one ? [one] : [];

    public static async Task<MediaItem> WaitAnalysedAsync(ViewsHost host, string relativePath, DateTimeOffset? after = null)
    {
        var timeout = ViewsHost.Timeout;
        while (true)
        {
            await using (var db = await host.Db.CreateDbContextAsync(timeout))
            {
                var item = await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(i => i.RelativePath == relativePath, timeout);
                if (item?.AnalyzedAt is { } at && (after is null || at > after)
                    && !await db.IndexJobs.AnyAsync(j => j.ItemId == item.Id && j.Kind == JobKind.Analyze, timeout))
                {
                    return item;
                }
            }

            await Task.Delay(100, timeout);
        }
    }

    /// <summary>Waits for queued sidecar writes, then makes the indexer re-read the photo and its sidecars.</summary>
    public static async Task ReindexAsync(ViewsHost host, MediaItem item)
    {
        await host.App.Services.GetRequiredService<SidecarQueue>().WhenIdleAsync(ViewsHost.Timeout);
        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            item = await db.MediaItems.AsNoTracking().SingleAsync(i => i.Id == item.Id, ViewsHost.Timeout);
        }

        await host.App.Services.GetRequiredService<IndexWriter>().RequeueSidecarOwnersAsync(item.RelativePath + ".xmp", ViewsHost.Timeout);
        await WaitAnalysedAsync(host, item.RelativePath, item.AnalyzedAt);
    }

    public static Task WhenSidecarsWrittenAsync(ViewsHost host) =>
        host.App.Services.GetRequiredService<SidecarQueue>().WhenIdleAsync(ViewsHost.Timeout);

    /// <summary>The item's tags (full paths, sorted, duplicates kept so they show), people (one per face) and albums.</summary>
    public static async Task<(List<string> Tags, List<string?> Faces, List<string> Albums)> AssociationsAsync(ViewsHost host, Guid itemId)
    {
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        var tags = await db.ItemTags.Where(t => t.ItemId == itemId).Select(t => t.Tag!.FullPath).ToListAsync(ViewsHost.Timeout);
        var faces = await db.Faces.Where(f => f.ItemId == itemId).Select(f => f.Person == null ? null : f.Person.Name).ToListAsync(ViewsHost.Timeout);
        var albums = await db.AlbumItems.Where(a => a.ItemId == itemId).Select(a => a.Album!.Name).ToListAsync(ViewsHost.Timeout);
        return ([.. tags.Order(StringComparer.Ordinal)], [.. faces.Order(StringComparer.Ordinal)], [.. albums.Order(StringComparer.Ordinal)]);
    }

    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(ViewsHost.Timeout);
        process.ExitCode.ShouldBe(0, $"{tool} {string.Join(' ', args)}: {await error}");
        return await output;
    }
}
