using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using FolderPrism.Views.Trash;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Views.Tests;

/// <summary>
/// A PUT over a photo in Originals/ never leaves its path empty: the old version gets a second name in the trash (hard
/// link), its row moves there, and the new file is renamed over the path in one step. Crash points of that sequence are
/// settled by the start-up repair so the photo exists exactly once.
/// </summary>
public sealed class PutOverPhotoTests
{
    private static readonly DateTime Taken = new(2019, 6, 21, 12, 0, 0);

    [Fact]
    public async Task Put_over_a_photo_renames_the_new_version_over_it_and_the_path_is_never_vacated()
    {
        await using var host = await ViewsHost.StartAsync();
        var item = await host.AddAsync("a/put.jpg", Taken);
        var folder = Path.Combine(host.Originals, "a");
        var oldBytes = await File.ReadAllBytesAsync(Path.Combine(folder, "put.jpg"));

        // The kernel's own record of the folder (inotify, in order): a vacated path shows as a delete or a rename away
        // of put.jpg before the new file's rename onto it. Deterministic: once the rename onto put.jpg is seen, every
        // earlier event has been delivered.
        var events = new ConcurrentQueue<string>();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName, IncludeSubdirectories = false };
        watcher.Deleted += (_, e) => events.Enqueue("deleted " + e.Name);
        watcher.Renamed += (_, e) =>
        {
            events.Enqueue($"renamed {e.OldName} -> {e.Name}");
            if (e.Name == "put.jpg")
            {
                arrived.TrySetResult();
            }
        };
        watcher.EnableRaisingEvents = true;

        // A reader polling the path meanwhile: every answer is the old or the new file.
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            while (!stop.IsCancellationRequested)
            {
                using var get = await host.Http.GetAsync(ViewsHost.Href("/Originals/a/put.jpg"), ViewsHost.Timeout);
                statuses.Add(get.StatusCode);
            }

            return statuses;
        });

        using (var put = new HttpRequestMessage(HttpMethod.Put, ViewsHost.Href("/Originals/a/put.jpg")) { Content = new ByteArrayContent("new bytes"u8.ToArray()) })
        {
            (await host.Http.SendAsync(put, ViewsHost.Timeout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        await arrived.Task.WaitAsync(ViewsHost.Timeout);
        await stop.CancelAsync();
        (await reader).ShouldAllBe(s => s == HttpStatusCode.OK);
        events.ShouldNotContain(e => e == "deleted put.jpg" || e.StartsWith("renamed put.jpg ", StringComparison.Ordinal), string.Join("; ", events));
        events.ShouldContain(e => e.EndsWith(" -> put.jpg", StringComparison.Ordinal));

        File.ReadAllText(Path.Combine(folder, "put.jpg")).ShouldBe("new bytes");
        var store = host.App.Services.GetRequiredService<TrashStore>();
        File.ReadAllBytes(Path.Combine(store.Folder(item.Id), "put.jpg")).ShouldBe(oldBytes);
        File.Exists(Path.Combine(store.Folder(item.Id), TrashStore.ReplaceMarker)).ShouldBeFalse();
        (await host.ListAsync("/Trash/")).ShouldBe(["2019-06-21 12.00.00 put.jpg"]);
        (await host.App.Services.GetRequiredService<TrashRepair>().RepairAsync(ViewsHost.Timeout)).ShouldBe(0);
    }

    [Fact]
    public async Task Repair_settles_a_put_over_killed_at_each_step_so_each_version_exists_once()
    {
        await using var host = await ViewsHost.StartAsync();
        var store = host.App.Services.GetRequiredService<TrashStore>();
        var linked = await host.AddAsync("a/linked.jpg", Taken);       // killed after the link, before the row moved
        var committed = await host.AddAsync("a/committed.jpg", Taken); // killed after the row moved, before the rename
        var renamed = await host.AddAsync("a/renamed.jpg", Taken);     // killed after the rename, before the marker went
        var renamedOld = await File.ReadAllBytesAsync(Path.Combine(host.Originals, "a/renamed.jpg"));
        foreach (var row in new[] { linked, committed, renamed })
        {
            var folder = store.Folder(row.Id);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, TrashStore.OriginFile), row.RelativePath, ViewsHost.Timeout);
            await File.WriteAllBytesAsync(Path.Combine(folder, TrashStore.ReplaceMarker), [], ViewsHost.Timeout);
            await LinkAsync(Path.Combine(host.Originals, row.RelativePath), Path.Combine(folder, Path.GetFileName(row.RelativePath)));
        }

        await using (var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout))
        {
            foreach (var id in new[] { committed.Id, renamed.Id })
            {
                var row = await db.MediaItems.SingleAsync(i => i.Id == id, ViewsHost.Timeout);
                row.RelativePath = store.TrashRelative(id, Path.GetFileName(row.RelativePath));
                row.TrashedAt = DateTimeOffset.UtcNow;
            }

            await db.SaveChangesAsync(ViewsHost.Timeout);
        }

        var temp = Path.Combine(host.Originals, "a", ".upload-new.tmp");
        await File.WriteAllTextAsync(temp, "new bytes", ViewsHost.Timeout);
        File.Move(temp, Path.Combine(host.Originals, "a/renamed.jpg"), overwrite: true);

        (await host.App.Services.GetRequiredService<TrashRepair>().RepairAsync(ViewsHost.Timeout)).ShouldBe(3);

        // linked and committed: the photo stayed in Originals/ (indexed there), no second copy anywhere.
        (await host.ListAsync("/Timeline/2019/2019-06/")).Order(StringComparer.Ordinal)
            .ShouldBe(["2019-06-21 12.00.00 committed.jpg", "2019-06-21 12.00.00 linked.jpg"]);
        Directory.Exists(store.Folder(linked.Id)).ShouldBeFalse();
        Directory.Exists(store.Folder(committed.Id)).ShouldBeFalse();
        Directory.GetFiles(Path.Combine(host.Originals, "a")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["committed.jpg", "linked.jpg", "renamed.jpg"]);

        // renamed: a finished trash — old version in Trash, new one in place.
        (await host.ListAsync("/Trash/")).ShouldBe(["2019-06-21 12.00.00 renamed.jpg"]);
        File.ReadAllBytes(Path.Combine(store.Folder(renamed.Id), "renamed.jpg")).ShouldBe(renamedOld);
        File.ReadAllText(Path.Combine(host.Originals, "a/renamed.jpg")).ShouldBe("new bytes");
        File.Exists(Path.Combine(store.Folder(renamed.Id), TrashStore.ReplaceMarker)).ShouldBeFalse();
        (await host.App.Services.GetRequiredService<TrashRepair>().RepairAsync(ViewsHost.Timeout)).ShouldBe(0);
    }

    /// <summary>A real hard link (coreutils <c>ln</c>), as the trash makes one.</summary>
    private static async Task LinkAsync(string existing, string target)
    {
        using var ln = Process.Start(new ProcessStartInfo("ln", [existing, target]) { RedirectStandardError = true })!;
        var error = await ln.StandardError.ReadToEndAsync();
        await ln.WaitForExitAsync();
        ln.ExitCode.ShouldBe(0, error);
    }
}
