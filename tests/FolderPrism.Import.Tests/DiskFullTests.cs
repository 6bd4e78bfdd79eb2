using FolderPrism.Indexing.Metadata;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Import.Tests;

/// <summary>The library on a real, tiny tmpfs: the disk fills up in the middle of a <c>--move</c> import.</summary>
public sealed class DiskFullTests
{
    [Fact]
    public async Task A_full_library_disk_stops_the_import_cleanly_and_every_input_stays_exactly_once()
    {
        await using var f = await ImportFixture.CreateAsync();
        var sources = Enumerable.Range(0, 10)
            .Select(i => MediaMaker.CameraJpeg(f.Source($"card/DCIM/IMG_{i:0000}.JPG"), 300 + i, $"2020:03:{i + 1:00} 10:00:00", width: 800, height: 600))
            .ToList();
        var hashes = new Dictionary<string, string>();
        foreach (var s in sources)
        {
            hashes[s] = await ContentHasher.ComputeAsync(s, default);
        }

        var total = sources.Sum(s => new FileInfo(s).Length);
        using var disk = TmpfsMount.Create(f.Library, total / 2);

        var result = await f.ImportAsync(move: true);

        result.StoppedReason.ShouldNotBeNull();
        result.StoppedReason.ShouldContain("Disk full");
        result.Entries.Count.ShouldBe(sources.Count, "one report line per input, also for those never tried");
        var imported = result.Entries.Count(e => e.Outcome == "imported");
        imported.ShouldBeInRange(1, sources.Count - 1, string.Join("\n", result.Entries));
        result.Entries.Where(e => e.Outcome != "imported").ShouldAllBe(e => e.Outcome == "failed" && e.Path == null && e.Message != null);
        result.Entries.ShouldContain(e => e.Outcome == "failed" && e.Message!.StartsWith("Disk full", StringComparison.Ordinal));
        await AssertEveryInputExactlyOnceAsync(f, hashes);

        // Space freed: the same command finishes the job.
        disk.Resize(total * 3);
        var rest = await f.ImportAsync(move: true);

        rest.StoppedReason.ShouldBeNull();
        rest.Entries.Count.ShouldBe(sources.Count - imported);
        rest.Entries.ShouldAllBe(e => e.Outcome == "imported");
        sources.ShouldAllBe(s => !File.Exists(s));
        await AssertEveryInputExactlyOnceAsync(f, hashes);
    }

    private static async Task AssertEveryInputExactlyOnceAsync(ImportFixture f, Dictionary<string, string> hashes)
    {
        var library = new Dictionary<string, string>();
        foreach (var file in f.LibraryFiles())
        {
            file.ShouldNotContain(".fp-import", Case.Sensitive, "nothing half-written may remain");
            library[await ContentHasher.ComputeAsync(f.Original(file), default)] = file;
        }

        Directory.EnumerateFiles(f.Library, "*", SearchOption.AllDirectories)
            .ShouldNotContain(p => Path.GetFileName(p).StartsWith(".fp-import", StringComparison.Ordinal));
        foreach (var (source, hash) in hashes)
        {
            var inSource = File.Exists(source);
            var inLibrary = library.ContainsKey(hash);
            (inSource ^ inLibrary).ShouldBeTrue($"{Path.GetFileName(source)}: in source {inSource}, in Originals {inLibrary}");
        }

        var items = await f.ItemsAsync();
        items.Select(i => i.RelativePath).Order(StringComparer.Ordinal).ShouldBe(library.Values.Order(StringComparer.Ordinal));
        items.ShouldAllBe(i => library.ContainsKey(i.ContentHash!) && library[i.ContentHash!] == i.RelativePath);
        (await f.QueryAsync(db => db.ImportJournal.CountAsync())).ShouldBe(0);
    }
}
