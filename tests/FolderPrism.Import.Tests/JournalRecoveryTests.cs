using FolderPrism.Core.Library;
using FolderPrism.Indexing.Import;
using FolderPrism.Indexing.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Import.Tests;

/// <summary>Each crash point of one file operation, recreated on disk and in the journal, then settled by recovery.</summary>
public sealed class JournalRecoveryTests
{
    [Fact]
    public async Task Crash_before_placing_rolls_back_temp_and_keeps_the_source()
    {
        await using var f = await ImportFixture.CreateAsync();
        var source = MediaMaker.CameraJpeg(f.Source("a/IMG_1.JPG"), 60, "2019:01:01 00:00:00");
        var temp = f.Original("2019/01/.fp-import-dead.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        File.WriteAllBytes(temp, File.ReadAllBytes(source)[..100]); // half-written copy
        await Journal(f, source, "2019/01/IMG_1.JPG", temp, move: true);

        var (finished, rolledBack) = await f.Services.GetRequiredService<ImportJournal>().RecoverAsync(default);

        (finished, rolledBack).ShouldBe((0, 1));
        File.Exists(temp).ShouldBeFalse();
        File.Exists(source).ShouldBeTrue();
        f.LibraryFiles().ShouldBeEmpty();
        (await f.ItemsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Crash_after_linking_a_move_finishes_it_removes_the_source_and_indexes()
    {
        await using var f = await ImportFixture.CreateAsync();
        var source = MediaMaker.CameraJpeg(f.Source("a/IMG_2.JPG"), 61, "2019:02:02 00:00:00");
        var destination = f.Original("2019/02/IMG_2.JPG");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination); // the link step done, the unlink not
        File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(source));
        await Journal(f, source, "2019/02/IMG_2.JPG", null, move: true);

        var (finished, _) = await f.Services.GetRequiredService<ImportJournal>().RecoverAsync(default);

        finished.ShouldBe(1);
        File.Exists(source).ShouldBeFalse();
        var item = (await f.ItemsAsync()).ShouldHaveSingleItem();
        item.RelativePath.ShouldBe("2019/02/IMG_2.JPG");
        item.AnalyzedAt.ShouldNotBeNull();
        (await f.QueryAsync(db => db.ImportJournal.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_destination_with_other_bytes_is_never_taken_for_ours()
    {
        await using var f = await ImportFixture.CreateAsync();
        var source = MediaMaker.CameraJpeg(f.Source("a/IMG_3.JPG"), 62, "2019:03:03 00:00:00");
        var other = MediaMaker.CameraJpeg(f.Original("2019/03/IMG_3.JPG"), 63, "2019:03:03 00:00:00");
        await Journal(f, source, "2019/03/IMG_3.JPG", null, move: true);

        await f.Services.GetRequiredService<ImportJournal>().RecoverAsync(default);

        File.Exists(source).ShouldBeTrue("the source is only removed when the destination holds its bytes");
        File.Exists(other).ShouldBeTrue();
    }

    private static async Task Journal(ImportFixture f, string source, string destination, string? temp, bool move)
    {
        await f.QueryAsync(async db =>
        {
            db.ImportJournal.Add(new ImportJournalEntry
            {
                SourcePath = source, DestinationPath = destination, TempPath = temp, Move = move,
                ContentHash = await ContentHasher.ComputeAsync(source, default), Size = new FileInfo(source).Length,
                CreatedAt = DateTimeOffset.UtcNow, BatchId = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });
    }
}
