using System.Diagnostics;
using FolderPrism.Core.Library;
using FolderPrism.Indexing.Metadata;
using Microsoft.EntityFrameworkCore;
using NetVips;

namespace FolderPrism.Import.Tests;

/// <summary>
/// The real built CLI (<c>dotnet folderprism.dll import</c>) as a child process, killed with SIGKILL at random points
/// several times, then run to completion: every input must exist exactly once and the index must match the disk.
/// </summary>
public sealed class KillTests
{
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Program => Path.Combine(AppContext.BaseDirectory, "folderprism.dll");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Kill_9_at_random_points_then_rerun_leaves_every_input_exactly_once(bool move)
    {
        await using var f = await ImportFixture.CreateAsync();
        var random = new Random(move ? 5 : 6);
        var (uniqueHashes, duplicateCount) = MakeTree(f, files: 300, duplicates: 20, random);
        var sourceCount = uniqueHashes.Count + duplicateCount;
        var args = new List<string> { Program, "import", f.Sources, "--library", f.Library, "--data", f.Data };
        if (move)
        {
            args.Add("--move");
        }

        var kills = 0;
        var midImportKills = 0;
        for (var round = 0; round < 6; round++)
        {
            using var child = Start(args);
            _ = child.StandardOutput.ReadToEndAsync();
            _ = child.StandardError.ReadToEndAsync();
            // Kill once a random number of further files has landed (not after a fixed time: the machine may be slow),
            // then wait a random sub-second moment so the kill falls anywhere inside a file operation.
            var target = Placed(f) + random.Next(1, 50);
            while (!child.HasExited && Placed(f) < target)
            {
                await Task.Delay(10);
            }

            await Task.Delay(random.Next(0, 200));
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
                await child.WaitForExitAsync();
                kills++;
                var placed = Placed(f);
                if (placed > 0 && placed < uniqueHashes.Count)
                {
                    midImportKills++;
                }
            }

            AssertNothingLostOrDoubled(f, uniqueHashes, sourceCount, move, final: false);
        }

        using (var last = Start(args))
        {
            var stderr = last.StandardError.ReadToEndAsync();
            _ = last.StandardOutput.ReadToEndAsync();
            await last.WaitForExitAsync();
            last.ExitCode.ShouldBe(0, await stderr);
        }

        kills.ShouldBeGreaterThan(0);
        midImportKills.ShouldBeGreaterThan(0, "at least one run must have been killed mid-import for this test to mean anything");
        AssertNothingLostOrDoubled(f, uniqueHashes, sourceCount, move, final: true);
        var items = await f.ItemsAsync();
        items.Count.ShouldBe(uniqueHashes.Count);
        items.ShouldAllBe(i => i.State == ItemState.Present && i.AnalyzedAt != null);
        items.Select(i => i.ContentHash!).ToHashSet().SetEquals(uniqueHashes).ShouldBeTrue();
        foreach (var item in items)
        {
            (await ContentHasher.ComputeAsync(f.Original(item.RelativePath), default)).ShouldBe(item.ContentHash);
        }

        (await f.QueryAsync(db => db.ImportJournal.CountAsync())).ShouldBe(0);
    }

    private static void AssertNothingLostOrDoubled(ImportFixture f, HashSet<string> unique, int sourceCount, bool move, bool final)
    {
        var library = f.LibraryFiles();
        library.ShouldNotContain(p => Path.GetFileName(p).StartsWith(".fp-import-", StringComparison.Ordinal) && final);
        var holding = Path.Combine(f.Library, ".duplicates");
        var held = Directory.Exists(holding)
            ? Directory.EnumerateFiles(holding, "*", SearchOption.AllDirectories).Where(p => !Path.GetFileName(p).StartsWith('.')).ToList()
            : [];
        // Lesser versions held outside Originals/ count as "in the library" (none are expected for these inputs).
        var libraryHashes = library.Where(p => !Path.GetFileName(p).StartsWith('.')).Select(f.Original).Concat(held)
            .Select(p => ContentHasher.ComputeAsync(p, default).GetAwaiter().GetResult()).ToList();
        held.ShouldBeEmpty("noise images are no near-duplicates of each other");
        libraryHashes.Count.ShouldBe(libraryHashes.Distinct().Count(), "a photo is in Originals twice");
        libraryHashes.ShouldAllBe(h => unique.Contains(h));
        var sources = Directory.EnumerateFiles(f.Sources, "*", SearchOption.AllDirectories)
            .Select(p => ContentHasher.ComputeAsync(p, default).GetAwaiter().GetResult()).ToList();
        if (!move)
        {
            sources.Count.ShouldBe(sourceCount, "copy mode never touches the sources");
        }
        else
        {
            // Every unique photo is in Originals or still in the sources (a killed move may leave both only until recovery).
            unique.ShouldAllBe(h => libraryHashes.Contains(h) || sources.Contains(h));
            if (final)
            {
                sources.Count.ShouldBe(sourceCount - unique.Count, "only the exact duplicates stay behind");
            }
        }

        if (final)
        {
            libraryHashes.ToHashSet().SetEquals(unique).ShouldBeTrue();
            library.ShouldAllBe(p => !Path.GetFileName(p).StartsWith('.'));
        }
    }

    private static int Placed(ImportFixture f) => f.LibraryFiles().Count(p => !Path.GetFileName(p).StartsWith('.'));

    private static Process Start(List<string> args)
    {
        var start = new ProcessStartInfo(Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    /// <summary>Small distinct JPEGs in nested folders with mtimes over several years, plus exact copies elsewhere.</summary>
    private static (HashSet<string> Unique, int Duplicates) MakeTree(ImportFixture f, int files, int duplicates, Random random)
    {
        var unique = new HashSet<string>(StringComparer.Ordinal);
        var made = new List<string>();
        for (var i = 0; i < files; i++)
        {
            var path = f.Source($"card{i % 4}/DCIM/{100 + i % 7}/IMG_{i:D4}.JPG");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var pixels = new byte[64 * 48 * 3];
            random.NextBytes(pixels); // noise: distinct pictures, far apart in perceptual hash
            using (var image = Image.NewFromMemory(pixels, 64, 48, 3, Enums.BandFormat.Uchar))
            {
                image.Jpegsave(path, q: 80);
            }

            File.SetLastWriteTimeUtc(path, new DateTime(2010 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28), 12, 0, 0, DateTimeKind.Utc));
            unique.Add(ContentHasher.ComputeAsync(path, default).GetAwaiter().GetResult());
            made.Add(path);
        }

        for (var d = 0; d < duplicates; d++)
        {
            var copy = f.Source($"backup/copy_{d:D3}.JPG");
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(made[random.Next(made.Count)], copy);
        }

        unique.Count.ShouldBe(files, "every generated photo must have distinct bytes");
        return (unique, duplicates);
    }
}
