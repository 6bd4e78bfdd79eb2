using System.Net;
using System.Text;

namespace FolderPrism.Views.Tests;

/// <summary>Originals are never destroyed by an overwrite: PUT, COPY and MOVE onto a photo put the old version in Trash.</summary>
public sealed class OverwriteTrashTests
{
    private static readonly DateTime Taken = new(2019, 6, 21, 12, 0, 0);

    private static (string, string) Destination(ViewsHost host, string path) =>
        ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href(path)).ToString());

    private static string In(ViewsHost host, string relative) => Path.Combine(host.Originals, relative);

    [Fact]
    public async Task Put_copy_and_move_over_a_photo_trash_the_old_version_which_restores_by_move()
    {
        await using var host = await ViewsHost.StartAsync();
        var putOver = await File.ReadAllBytesAsync(In(host, (await host.AddAsync("a/put.jpg", Taken)).RelativePath));
        var copyOver = await File.ReadAllBytesAsync(In(host, (await host.AddAsync("a/copy.jpg", Taken.AddMinutes(1))).RelativePath));
        var moveOver = await File.ReadAllBytesAsync(In(host, (await host.AddAsync("a/move.jpg", Taken.AddMinutes(2))).RelativePath));
        await File.WriteAllTextAsync(In(host, "a/source1.jpg"), "copied bytes");
        await File.WriteAllTextAsync(In(host, "a/source2.jpg"), "moved bytes");

        using (var put = new HttpRequestMessage(HttpMethod.Put, ViewsHost.Href("/Originals/a/put.jpg")) { Content = new ByteArrayContent("new bytes"u8.ToArray()) })
        {
            (await host.Http.SendAsync(put, ViewsHost.Timeout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        (await host.SendAsync("COPY", "/Originals/a/source1.jpg", Destination(host, "/Originals/a/copy.jpg"), ("Overwrite", "T")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.SendAsync("MOVE", "/Originals/a/source2.jpg", Destination(host, "/Originals/a/move.jpg"), ("Overwrite", "T")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        File.ReadAllText(In(host, "a/put.jpg")).ShouldBe("new bytes");
        File.ReadAllText(In(host, "a/copy.jpg")).ShouldBe("copied bytes");
        File.ReadAllText(In(host, "a/move.jpg")).ShouldBe("moved bytes");
        File.Exists(In(host, "a/source2.jpg")).ShouldBeFalse();
        (await host.ListAsync("/Trash/")).Order(StringComparer.Ordinal).ShouldBe(
            ["2019-06-21 12.00.00 put.jpg", "2019-06-21 12.01.00 copy.jpg", "2019-06-21 12.02.00 move.jpg"]);

        (await host.SendAsync("MOVE", "/Trash/2019-06-21 12.00.00 put.jpg", Destination(host, "/Originals/a/put (old).jpg")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("MOVE", "/Trash/2019-06-21 12.01.00 copy.jpg", Destination(host, "/Originals/a/copy (old).jpg")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("MOVE", "/Trash/2019-06-21 12.02.00 move.jpg", Destination(host, "/Originals/a/move (old).jpg")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        File.ReadAllBytes(In(host, "a/put (old).jpg")).ShouldBe(putOver);
        File.ReadAllBytes(In(host, "a/copy (old).jpg")).ShouldBe(copyOver);
        File.ReadAllBytes(In(host, "a/move (old).jpg")).ShouldBe(moveOver);
    }

    [Fact]
    public async Task Overwriting_a_file_that_is_not_media_replaces_it_for_real()
    {
        await using var host = await ViewsHost.StartAsync();
        Directory.CreateDirectory(In(host, "a"));
        await File.WriteAllTextAsync(In(host, "a/notes.txt"), "old notes");
        await File.WriteAllTextAsync(In(host, "a/other.txt"), "other notes");
        using (var put = new HttpRequestMessage(HttpMethod.Put, ViewsHost.Href("/Originals/a/notes.txt"))
               { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("new notes")) })
        {
            (await host.Http.SendAsync(put, ViewsHost.Timeout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        (await host.SendAsync("COPY", "/Originals/a/notes.txt", Destination(host, "/Originals/a/other.txt"), ("Overwrite", "T")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        File.ReadAllText(In(host, "a/other.txt")).ShouldBe("new notes");
        (await host.ListAsync("/Trash/")).ShouldBeEmpty();
        var trash = Path.Combine(host.Library, ".trash");
        (Directory.Exists(trash) ? Directory.EnumerateFileSystemEntries(trash).ToList() : []).ShouldBeEmpty();
    }
}
