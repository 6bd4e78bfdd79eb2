using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Tests;

/// <summary>COPY/MOVE/PUT/MKCOL/DELETE in Tags, People and Albums organise, through real HTTP against the real daemon.</summary>
public sealed class OrganizingWriteTests
{
    private static readonly DateTime Taken = new(2019, 6, 21, 12, 0, 0);
    private const string Name = "2019-06-21 12.00.00 IMG_1.JPG";

    private static (string, string) Destination(ViewsHost host, string path) =>
        ("Destination", new Uri(host.Http.BaseAddress!, ViewsHost.Href(path)).ToString());

    [Fact]
    public async Task Mkcol_copy_move_and_delete_in_tags_organise_without_touching_files()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("2019/IMG_1.JPG", Taken);

        (await host.SendAsync("MKCOL", "/Tags/Beach")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("MKCOL", "/Tags/Places")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("MKCOL", "/Tags/Places/Paris")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("MKCOL", "/Tags/Beach")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await host.SendAsync("MKCOL", "/Tags/Nowhere/Deeper")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await host.ListAsync("/Tags/")).ShouldBe(["Beach/", "Places/"]);
        (await host.ListAsync("/Tags/Beach/")).ShouldBeEmpty();

        (await host.SendAsync("COPY", "/Originals/2019/IMG_1.JPG", Destination(host, "/Tags/Beach/IMG_1.JPG"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/Tags/Beach/")).ShouldBe([Name]);

        (await host.SendAsync("MOVE", "/Tags/Beach/" + Name, Destination(host, "/Tags/Places/Paris/" + Name))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/Tags/Beach/")).ShouldBeEmpty();
        (await host.ListAsync("/Tags/Places/Paris/")).ShouldBe([Name]);

        // COPY + DELETE (a client's fallback for MOVE) gives the same result.
        (await host.SendAsync("COPY", "/Tags/Places/Paris/" + Name, Destination(host, "/Tags/Beach/" + Name))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("DELETE", "/Tags/Places/Paris/" + Name)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/Tags/Places/Paris/")).ShouldBeEmpty();
        (await host.ListAsync("/Tags/Beach/")).ShouldBe([Name]);

        // Rename a tag folder, then merge it into an existing one; deleting a tag never deletes photos.
        (await host.SendAsync("MOVE", "/Tags/Beach", Destination(host, "/Tags/Sea"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/Tags/Sea/")).ShouldBe([Name]);
        (await host.SendAsync("MOVE", "/Tags/Sea", Destination(host, "/Tags/Places/Paris"), ("Overwrite", "T"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/Tags/")).ShouldBe(["Places/"]);
        (await host.ListAsync("/Tags/Places/Paris/")).ShouldBe([Name]);
        (await host.SendAsync("DELETE", "/Tags/Places")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/Tags/")).ShouldBeEmpty();
        File.Exists(Path.Combine(host.Originals, "2019/IMG_1.JPG")).ShouldBeTrue();
        (await host.ListAsync("/Timeline/2019/2019-06/")).ShouldBe([Name]);
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        (await db.MediaItems.CountAsync(i => i.Id == item.Id, ViewsHost.Timeout)).ShouldBe(1);
    }

    [Fact]
    public async Task People_and_albums_accept_put_of_known_bytes_and_rename_with_merge()
    {
        await using var host = await ViewsHost.StartAsync();
        var bytes = "the same photo bytes"u8.ToArray();
        await host.AddAsync("2019/IMG_1.JPG", Taken, bytes: bytes);

        (await host.SendAsync("MKCOL", "/Albums/Trip")).StatusCode.ShouldBe(HttpStatusCode.Created);
        using (var put = await host.Http.PutAsync(ViewsHost.Href("/Albums/Trip/copy of it.jpg"), new ByteArrayContent(bytes), ViewsHost.Timeout))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await host.ListAsync("/Albums/Trip/")).ShouldBe([Name]);
        using (var unknown = await host.Http.PutAsync(ViewsHost.Href("/Albums/Trip/new.jpg"), new ByteArrayContent("other"u8.ToArray()), ViewsHost.Timeout))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await host.SendAsync("MKCOL", "/People/Alice")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("MKCOL", "/People/Alicia")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.SendAsync("COPY", "/Albums/Trip/" + Name, Destination(host, "/People/Alice/" + Name))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/People/Alice/")).ShouldBe([Name]);
        (await host.ListAsync("/Albums/Trip/")).ShouldBe([Name]);

        (await host.SendAsync("MOVE", "/People/Alice", Destination(host, "/People/Alice Smith"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await host.ListAsync("/People/")).ShouldBe(["Alice Smith/", "Alicia/"]);
        (await host.SendAsync("MOVE", "/People/Alice Smith", Destination(host, "/People/Alicia"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/People/")).ShouldBe(["Alicia/"]);
        (await host.ListAsync("/People/Alicia/")).ShouldBe([Name]);

        (await host.SendAsync("DELETE", "/People/Alicia/" + Name)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/People/Alicia/")).ShouldBeEmpty();
        (await host.SendAsync("DELETE", "/Albums/Trip")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/Albums/")).ShouldBeEmpty();
        File.ReadAllBytes(Path.Combine(host.Originals, "2019/IMG_1.JPG")).ShouldBe(bytes);
    }

    [Fact]
    public async Task Writes_without_meaning_are_refused_with_403()
    {
        await using var host = await ViewsHost.StartAsync();
        await host.AddAsync("2019/IMG_1.JPG", Taken, i => { i.Make = "Canon"; i.Model = "EOS R"; });
        (await host.SendAsync("DELETE", "/Cameras/Canon EOS R/" + Name)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("DELETE", "/Search/canon/" + Name)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("MKCOL", "/Cameras/New")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("MKCOL", "/Timeline/1999")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("DELETE", "/Timeline/2019")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("DELETE", "/Duplicates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("DELETE", "/Tags")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("COPY", "/Timeline/2019/2019-06/" + Name, Destination(host, "/Cameras/Canon EOS R/x.jpg"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.SendAsync("MKCOL", "/Tags/a|b")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.ListAsync("/Cameras/Canon EOS R/")).ShouldBe([Name]);
    }

    [Fact]
    public async Task Delete_in_timeline_moves_to_trash_move_back_restores_delete_in_trash_purges()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("2019/IMG_1.JPG", Taken);
        await host.TagAsync(item, "Keep");
        var original = Path.Combine(host.Originals, "2019/IMG_1.JPG");
        var bytes = await File.ReadAllBytesAsync(original);

        (await host.SendAsync("DELETE", "/Timeline/2019/2019-06/" + Name)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        File.Exists(original).ShouldBeFalse();
        (await host.ListAsync("/Timeline/")).ShouldBeEmpty();
        (await host.ListAsync("/Tags/Keep/")).ShouldBeEmpty();
        (await host.ListAsync("/Trash/")).ShouldBe([Name]);
        using (var get = await host.SendAsync("GET", "/Trash/" + Name))
        {
            (await get.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        }

        (await host.SendAsync("MOVE", "/Trash/" + Name, Destination(host, "/Timeline/2019/2019-06/" + Name))).StatusCode.ShouldBe(HttpStatusCode.Created);
        File.ReadAllBytes(original).ShouldBe(bytes);
        (await host.ListAsync("/Trash/")).ShouldBeEmpty();
        (await host.ListAsync("/Tags/Keep/")).ShouldBe([Name]);

        (await host.SendAsync("DELETE", "/Timeline/2019/2019-06/" + Name)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.SendAsync("DELETE", "/Trash/" + Name)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.ListAsync("/Trash/")).ShouldBeEmpty();
        Directory.EnumerateFiles(Path.Combine(host.Root, "library", ".trash"), "*", SearchOption.AllDirectories).ShouldBeEmpty();
        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        (await db.MediaItems.CountAsync(i => i.Id == item.Id, ViewsHost.Timeout)).ShouldBe(0);
    }
}
