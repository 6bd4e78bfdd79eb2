using System.IO.MemoryMappedFiles;
using FolderPrism.Core.Threading;

namespace FolderPrism.Core.Tests.Threading;

public sealed class MappedFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fp-mapped-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Only_read_only_file_mappings_without_private_pages_are_eligible()
    {
        var smaps = Path.Combine(_dir, "smaps");
        File.WriteAllText(smaps, string.Join('\n',
            "55d0a0000000-55d0a0021000 rw-p 00000000 00:00 0                          [heap]",
            "Rss:                 132 kB",
            "Anonymous:           132 kB",
            "7f0000000000-7f0000010000 r--p 00000000 08:01 1234                       /usr/lib/libc.so.6",
            "Rss:                  64 kB",
            "Anonymous:             0 kB",
            "7f0000010000-7f0000030000 r-xp 00010000 08:01 1234                       /usr/lib/libc.so.6",
            "Anonymous:             0 kB",
            "7f0000030000-7f0000031000 r--p 00030000 08:01 1234                       /usr/lib/libc.so.6",
            "Anonymous:             4 kB",
            "7f0000031000-7f0000032000 rw-p 00031000 08:01 1234                       /usr/lib/libc.so.6",
            "Anonymous:             0 kB",
            "7f0000040000-7f0000050000 r--s 00000000 08:01 99                         /data/folderprism.db-shm",
            "Anonymous:             0 kB",
            "7f0000050000-7f0000060000 r--p 00000000 08:01 77                         /tmp/gone.dll (deleted)",
            "Anonymous:             0 kB",
            "7f0000060000-7f0000070000 r--p 00000000 00:00 0 ",
            "Anonymous:             0 kB",
            "VmFlags: rd mr mw me"));

        var ranges = MappedFiles.ReadEligibleRanges(smaps);

        ranges.Select(r => ((long)r.Start, (long)r.Length)).ShouldBe([
            (0x7f0000000000L, 0x10000L),
            (0x7f0000010000L, 0x20000L),
            (0x7f0000040000L, 0x10000L),
        ]);
    }

    [Fact]
    public void A_touched_read_only_mapping_leaves_the_resident_set()
    {
        var path = Path.Combine(_dir, "blob.bin");
        var bytes = new byte[8 * 1024 * 1024];
        Random.Shared.NextBytes(bytes);
        using (var written = new FileStream(path, FileMode.CreateNew))
        {
            written.Write(bytes);
            written.Flush(flushToDisk: true); // clean pages, as an assembly's are
        }

        using var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        long sum = 0;
        for (long offset = 0; offset < bytes.Length; offset += 4096)
        {
            sum += view.ReadByte(offset);
        }

        var before = ResidentKb(path);
        before.ShouldBeGreaterThan(4 * 1024, $"the mapping should be resident after reading it (sum {sum})");

        MappedFiles.ReleaseColdPages().ShouldBeGreaterThan(0);

        ResidentKb(path).ShouldBeLessThan(before / 4);
        view.ReadByte(bytes.Length - 1).ShouldBe(bytes[^1]); // still readable: the page comes back from the file
    }

    private static long ResidentKb(string path)
    {
        long total = 0;
        var inMapping = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-') && line.Contains(' '))
            {
                inMapping = line.EndsWith(path, StringComparison.Ordinal);
            }
            else if (inMapping && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                total += long.Parse(line["Rss:".Length..].Trim().Split(' ')[0]);
            }
        }

        return total;
    }
}
