using System.Net;
using static FolderPrism.Views.Tests.SidecarTestFiles;

namespace FolderPrism.Views.Tests;

/// <summary>A PUT of new bytes into Tags/X, Albums/X or People/X imports the file (Originals/YYYY/MM) and organises it.</summary>
public sealed class PutImportTests
{
    [Fact]
    public async Task Put_of_new_photos_imports_them_under_originals_and_adds_tag_album_person()
    {
        await using var host = await ViewsHost.StartAsync(extra: SidecarsOn);
        var outside = Path.Combine(host.Root, "camera");
        var photos = new (string Folder, string File, string Source, string Taken, string Listed)[]
        {
            ("/Tags/Beach/", "IMG_7.JPG", "pattern:checkerboard", "2019:06:21 12:00:00", "2019-06-21 12.00.00 IMG_7.JPG"),
            ("/Albums/Trip/", "IMG_8.JPG", "pattern:bricks", "2019:07:02 08:30:00", "2019-07-02 08.30.00 IMG_8.JPG"),
            ("/People/Ann/", "IMG_9.JPG", "pattern:hexagons", "2020:01:15 18:45:10", "2020-01-15 18.45.10 IMG_9.JPG"),
        };
        foreach (var folder in new[] { "/Tags/Beach", "/Albums/Trip", "/People/Ann" })
        {
            (await host.SendAsync("MKCOL", folder)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        foreach (var photo in photos)
        {
            var source = Path.Combine(outside, photo.File);
            await MakePhotoAsync(source, photo.Source, photo.Taken);
            using var put = await host.Http.PutAsync(ViewsHost.Href(photo.Folder + photo.File),
                new ByteArrayContent(await File.ReadAllBytesAsync(source)), ViewsHost.Timeout);
            put.StatusCode.ShouldBe(HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
            (await host.ListAsync(photo.Folder)).ShouldBe([photo.Listed]);
        }

        File.ReadAllBytes(Path.Combine(host.Originals, "2019", "06", "IMG_7.JPG")).ShouldBe(File.ReadAllBytes(Path.Combine(outside, "IMG_7.JPG")));
        File.Exists(Path.Combine(host.Originals, "2019", "07", "IMG_8.JPG")).ShouldBeTrue();
        File.Exists(Path.Combine(host.Originals, "2020", "01", "IMG_9.JPG")).ShouldBeTrue();
        (await host.ListAsync("/Timeline/2019/2019-06/")).ShouldBe(["2019-06-21 12.00.00 IMG_7.JPG"]);
        Directory.EnumerateFileSystemEntries(Path.Combine(host.Root, "data", "view-uploads")).ShouldBeEmpty();

        // The same bytes again are the same photo: associated, not imported twice.
        using (var again = await host.Http.PutAsync(ViewsHost.Href("/Albums/Trip/copy.jpg"),
                   new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(outside, "IMG_7.JPG"))), ViewsHost.Timeout))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await host.ListAsync("/Albums/Trip/")).ShouldBe(["2019-06-21 12.00.00 IMG_7.JPG", "2019-07-02 08.30.00 IMG_8.JPG"]);
        Directory.GetFiles(Path.Combine(host.Originals, "2019", "06"), "*.JPG").Length.ShouldBe(1);

        await WhenSidecarsWrittenAsync(host);
        Values(await ExifToolXmpAsync(Path.Combine(host.Originals, "2019", "06", "IMG_7.JPG.xmp")), "Subject").ShouldBe(["Beach"]);
    }
}
