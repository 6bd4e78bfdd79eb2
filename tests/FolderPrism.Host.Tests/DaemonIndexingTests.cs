using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Tests;

/// <summary>
/// The whole daemon with its real parts: a photo made by ImageMagick and dated by exiftool is dropped into
/// Originals/ while serving, and the watcher, the job queue, MetadataExtractor and NetVips index it.
/// </summary>
public sealed class DaemonIndexingTests
{
    [Fact]
    public async Task A_photo_written_while_serving_is_indexed_with_its_exif_date_and_thumbnails()
    {
        using var dir = new TempDirectory();
        await using var server = await RunningServer.StartAsync(dir);
        var folder = Path.Combine(dir.Library, "Originals", "2019", "06");
        Directory.CreateDirectory(folder);
        var staging = Path.Combine(dir.Path, "staging.jpg");
        await Run("convert", ["-size", "640x480", "gradient:orange-navy", staging]);
        await Run("exiftool", ["-q", "-overwrite_original", "-DateTimeOriginal=2019:06:21 12:00:00",
            "-OffsetTimeOriginal=+02:00", "-Keywords=Beach", staging]);
        File.Move(staging, Path.Combine(folder, "IMG_1005.JPG"));

        var factory = server.App.Services.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>();
        var item = await WaitForAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.MediaItems.AsNoTracking()
                .SingleOrDefaultAsync(i => i.RelativePath == "2019/06/IMG_1005.JPG" && i.ThumbnailState == ThumbnailState.Ready);
        });

        item.TakenLocal.ShouldBe(new DateTime(2019, 6, 21, 12, 0, 0));
        item.TakenOffsetMinutes.ShouldBe(120);
        item.TakenSource.ShouldBe(DateSource.Exif);
        item.Width.ShouldBe(640);
        item.ContentHash.ShouldNotBeNull().Length.ShouldBe(32);
        item.PerceptualHash.ShouldNotBeNull();
        var processor = server.App.Services.GetRequiredService<IMediaProcessor>();
        File.Exists(processor.ThumbnailPath(item.ContentHash!, ThumbnailSize.Small)).ShouldBeTrue();
        File.Exists(processor.ThumbnailPath(item.ContentHash!, ThumbnailSize.Preview)).ShouldBeTrue();

        await server.AddUserAsync("viewer1", UserRole.Viewer, "viewer-password");
        using var response = await server.SendAsync(HttpMethod.Get, "/Originals/2019/06/IMG_1005.JPG", "viewer1", "viewer-password");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the daemon did not index the photo within 2 minutes");
    }

    private static async Task Run(string program, string[] args)
    {
        var result = await ProcessRunner.RunAsync(program, args);
        result.ExitCode.ShouldBe(0, $"{program} failed: {result.Error}");
    }
}
