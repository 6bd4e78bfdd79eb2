using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Tests.Pipeline;

/// <summary>The live path: real FileSystemWatcher events through the coalescer into the index, identity kept.</summary>
public sealed class WatcherTests
{
    [Fact]
    public async Task Created_file_is_indexed_with_hash_and_thumbnails()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("2019/06/a.jpg", "hello\nKW:beach,Places|France|Paris\nFACE:Alice");

        var item = await f.WaitIndexedAsync("2019/06/a.jpg");

        item.ContentHash.ShouldNotBeNullOrEmpty();
        item.ContentHash!.Length.ShouldBe(32);
        item.MimeType.ShouldBe("image/jpeg");
        item.PerceptualHash.ShouldNotBeNull();
        item.Tags.Select(t => t.Tag!.FullPath).ShouldBe(["beach", "Places|France|Paris"], ignoreOrder: true);
        item.Faces.Single().Person!.Name.ShouldBe("Alice");
        (await f.QueryAsync(db => db.Tags.CountAsync())).ShouldBe(4); // beach + the Places>France>Paris chain
    }

    [Fact]
    public async Task Modified_file_is_reanalysed_and_keeps_its_id()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("a.jpg", "one");
        var before = await f.WaitIndexedAsync("a.jpg");

        f.Write("a.jpg", "two, longer");
        var after = await f.WaitForItemAsync("a.jpg", i => i.ContentHash != before.ContentHash && i.ThumbnailState == ThumbnailState.Ready, "new hash");

        after.Id.ShouldBe(before.Id);
        after.Size.ShouldBe("two, longer".Length);
    }

    [Fact]
    public async Task Reanalysis_replaces_file_keywords_but_keeps_what_the_user_added()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("a.jpg", "KW:old\nFACE:Eve");
        var item = await f.WaitIndexedAsync("a.jpg");
        await f.AttachUserTagAndPersonAsync(item.Id, "mine", "Frank");

        f.Write("a.jpg", "KW:new\nFACE:Grace");

        var after = await f.WaitForItemAsync("a.jpg", i => i.Tags.Any(t => t.Tag!.Name == "new"), "new keywords");
        after.Tags.Select(t => t.Tag!.Name).ShouldBe(["new", "mine"], ignoreOrder: true);
        after.Faces.Select(x => x.Person!.Name).ShouldBe(["Grace", "Frank"], ignoreOrder: true);
    }

    [Fact]
    public async Task Folder_moved_in_from_outside_is_scanned_and_moved_out_goes_missing()
    {
        await using var f = await PipelineFixture.CreateAsync();
        var outside = Path.Combine(f.Root, "card", "DCIM");
        Directory.CreateDirectory(Path.Combine(outside, "100CANON"));
        File.WriteAllText(Path.Combine(outside, "100CANON", "IMG_0001.JPG"), "one");
        File.WriteAllText(Path.Combine(outside, "100CANON", "IMG_0002.JPG"), "two");

        Directory.Move(outside, f.Full("DCIM"));

        await f.WaitIndexedAsync("DCIM/100CANON/IMG_0001.JPG");
        await f.WaitIndexedAsync("DCIM/100CANON/IMG_0002.JPG");

        Directory.Move(f.Full("DCIM"), Path.Combine(f.Root, "card", "back"));

        await f.WaitForItemAsync("DCIM/100CANON/IMG_0001.JPG", i => i.State == ItemState.Missing, "moved out");
        await f.WaitForItemAsync("DCIM/100CANON/IMG_0002.JPG", i => i.State == ItemState.Missing, "moved out");
    }

    [Fact]
    public async Task Rename_and_move_across_folders_keep_id_tags_and_people()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("2019/a.jpg");
        var item = await f.WaitIndexedAsync("2019/a.jpg");
        await f.AttachUserTagAndPersonAsync(item.Id, "holiday", "Bob");

        File.Move(f.Full("2019/a.jpg"), f.Full("2019/b.jpg"));
        (await f.WaitForItemAsync("2019/b.jpg", i => i.State == ItemState.Present, "renamed")).Id.ShouldBe(item.Id);

        Directory.CreateDirectory(f.Full("2020/summer"));
        File.Move(f.Full("2019/b.jpg"), f.Full("2020/summer/b.jpg"));
        // inotify may not watch the brand-new folder yet, so the move can arrive as delete + create: identity then
        // comes from the content hash once analysed.
        var moved = await f.WaitIndexedAsync("2020/summer/b.jpg");

        moved.Id.ShouldBe(item.Id);
        moved.Tags.ShouldContain(t => t.Tag!.Name == "holiday" && t.Source == AssociationSource.User);
        moved.Faces.ShouldContain(x => x.Person!.Name == "Bob");
        (await f.ItemAsync("2019/a.jpg")).ShouldBeNull();
        (await f.ItemAsync("2019/b.jpg")).ShouldBeNull();
    }

    [Fact]
    public async Task Directory_rename_keeps_every_items_id()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("Trip/x.jpg");
        f.Write("Trip/day2/y.jpg");
        var x = await f.WaitIndexedAsync("Trip/x.jpg");
        var y = await f.WaitIndexedAsync("Trip/day2/y.jpg");

        Directory.Move(f.Full("Trip"), f.Full("Iceland 2019"));

        (await f.WaitForItemAsync("Iceland 2019/x.jpg", i => i.State == ItemState.Present, "renamed dir")).Id.ShouldBe(x.Id);
        (await f.WaitForItemAsync("Iceland 2019/day2/y.jpg", i => i.State == ItemState.Present, "renamed dir")).Id.ShouldBe(y.Id);
        (await f.QueryAsync(db => db.MediaItems.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Delete_then_create_of_same_bytes_elsewhere_keeps_identity()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("old/a.jpg", "the same bytes");
        var item = await f.WaitIndexedAsync("old/a.jpg");
        await f.AttachUserTagAndPersonAsync(item.Id, "keep", "Carol");

        File.Delete(f.Full("old/a.jpg"));
        await f.WaitForItemAsync("old/a.jpg", i => i.State == ItemState.Missing, "missing");
        f.Write("new/place/renamed.jpg", "the same bytes");

        var back = await f.WaitIndexedAsync("new/place/renamed.jpg");
        back.Id.ShouldBe(item.Id);
        back.Tags.ShouldContain(t => t.Tag!.Name == "keep");
        back.Faces.ShouldContain(x => x.Person!.Name == "Carol");
        (await f.QueryAsync(db => db.MediaItems.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_copy_is_a_new_item_not_a_move()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("a.jpg", "copied bytes");
        var original = await f.WaitIndexedAsync("a.jpg");
        File.Copy(f.Full("a.jpg"), f.Full("b.jpg"));

        var copy = await f.WaitIndexedAsync("b.jpg");
        copy.Id.ShouldNotBe(original.Id);
        copy.ContentHash.ShouldBe(original.ContentHash);
        (await f.ItemAsync("a.jpg"))!.State.ShouldBe(ItemState.Present);
    }

    [Fact]
    public async Task Deleted_file_and_folder_are_marked_missing()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("a.jpg");
        f.Write("gone/b.jpg");
        await f.WaitIndexedAsync("a.jpg");
        await f.WaitIndexedAsync("gone/b.jpg");

        File.Delete(f.Full("a.jpg"));
        Directory.Delete(f.Full("gone"), recursive: true);

        await f.WaitForItemAsync("a.jpg", i => i.State == ItemState.Missing && i.MissingSince != null, "missing");
        await f.WaitForItemAsync("gone/b.jpg", i => i.State == ItemState.Missing, "missing");
    }

    [Fact]
    public async Task Ignored_files_are_never_indexed_and_upload_temp_files_count_once_renamed()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write(".DS_Store");
        f.Write("._a.jpg");
        f.Write("Thumbs.db");
        f.Write("desktop.ini");
        f.Write("@eaDir/a.jpg/SYNOPHOTO_THUMB_XL.jpg");
        f.Write(".stfolder/x.jpg");
        f.Write("partial.tmp");
        f.Write("Private/secret.jpg");
        f.Write(".hidden.jpg");
        f.Write("photo.jpg.xmp", "a sidecar");
        f.Write(".upload-4711.part", "uploaded bytes");
        File.Move(f.Full(".upload-4711.part"), f.Full("uploaded.jpg"));
        f.Write("real.jpg");

        await f.WaitIndexedAsync("real.jpg");
        await f.WaitIndexedAsync("uploaded.jpg");

        var paths = await f.QueryAsync(db => db.MediaItems.Select(i => i.RelativePath).OrderBy(p => p).ToListAsync());
        paths.ShouldBe(["real.jpg", "uploaded.jpg"]);
    }

    [Fact]
    public async Task Sidecar_change_requeues_its_photo()
    {
        await using var f = await PipelineFixture.CreateAsync();
        f.Write("p/photo.jpg");
        f.Write("p/photo.jpg.xmp", "First title");
        var item = await f.WaitForItemAsync("p/photo.jpg", i => i.Title == "First title", "title from sidecar");

        f.Write("p/photo.jpg.xmp", "Second title");

        var after = await f.WaitForItemAsync("p/photo.jpg", i => i.Title == "Second title", "title from changed sidecar");
        after.Id.ShouldBe(item.Id);
        (await f.QueryAsync(db => db.ItemSidecars.Select(s => s.RelativePath).ToListAsync())).ShouldBe(["p/photo.jpg.xmp"]);

        File.Delete(f.Full("p/photo.jpg.xmp"));
        await f.WaitForItemAsync("p/photo.jpg", i => i.Title == null, "title gone with the sidecar");
    }

    [Fact]
    public async Task A_burst_of_files_is_indexed_completely()
    {
        await using var f = await PipelineFixture.CreateAsync(settings: new() { ["Indexing:BatchSize"] = "50" });
        for (var n = 0; n < 200; n++)
        {
            f.Write($"burst/{n / 100}/img{n:000}.jpg");
        }

        // The last thumbnail can be stored a moment before its job row is deleted: wait for both, so the test
        // states what matters (every file indexed, the queue drained) and still fails if a job is left behind.
        await f.WaitUntilAsync(
            async () => await f.QueryAsync(db => db.MediaItems.CountAsync(i => i.ThumbnailState == ThumbnailState.Ready)) == 200
                && await f.QueryAsync(db => db.IndexJobs.CountAsync()) == 0,
            "200 files indexed and the job queue drained");
    }
}
