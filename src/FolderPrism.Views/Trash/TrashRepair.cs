using FolderPrism.Core.Library;
using FolderPrism.Views.Sidecars;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Trash;

/// <summary>
/// Start-up repair of the trash after a crash (kill -9) at any point of a trash, restore or purge. The rule for a
/// trashed row: if its file is in the trash, the row points there; else if the original is back in Originals/ (the
/// trash move never happened, or a restore finished) the row is un-trashed; else the purge finished and the row goes.
/// Trash folders without a trashed row go back to Originals/ (their journaled path, or <c>Recovered from trash/</c>),
/// so the indexer sees them again: a file is never lost and never kept twice. Displaced-version rows whose file is
/// gone are dropped too. Sidecars caught between the photo's rename and theirs are moved to where the photo is.
/// A folder with <see cref="TrashStore.ReplaceMarker"/> whose file is byte-identical to the one at its origin is a
/// PUT-over killed before its rename (the two names are one file): the trash side goes, the photo stays in place.
/// </summary>
internal sealed class TrashRepair(TrashStore trash)
{
    public const string RecoveredFolder = "Recovered from trash";

    public Task<int> RepairAsync(CancellationToken cancellationToken) => trash.ExclusiveAsync(() => RunAsync(cancellationToken), cancellationToken);

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var services = trash.Services;
        var fixes = 0;
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MediaItems.Where(i => i.TrashedAt != null).ToListAsync(cancellationToken);
        foreach (var item in rows)
        {
            var folder = trash.Folder(item.Id);
            var data = TrashStore.DataFile(folder);
            var origin = TrashStore.ReadOrigin(folder) ?? (trash.IsTrashRelative(item.RelativePath) ? null : item.RelativePath);
            if (File.Exists(Path.Combine(folder, TrashStore.ReplaceMarker)))
            {
                if (data is not null && origin is not null && TrashStore.SameBytes(data, services.FullPath(origin)))
                {
                    // A PUT over the photo killed before its rename: the photo never left Originals/; its second name goes.
                    await db.MediaItems.Where(i => i.RelativePath == origin && i.Id != item.Id).ExecuteDeleteAsync(cancellationToken);
                    item.RelativePath = origin;
                    item.TrashedAt = null;
                    item.State = ItemState.Present;
                    item.MissingSince = null;
                    TrashStore.DeleteFolder(folder);
                    fixes++;
                    continue;
                }

                File.Delete(Path.Combine(folder, TrashStore.ReplaceMarker)); // the new version was renamed in: a finished trash
                fixes++;
            }

            if (data is not null && origin is not null && new FileInfo(data).Length != item.Size
                && new FileInfo(services.FullPath(origin)) is { Exists: true } left && left.Length == item.Size)
            {
                // A cross-file-system move (copy, then delete) killed mid-copy: the original is intact, the copy is not.
                File.Delete(data);
                data = null;
            }

            if (data is not null)
            {
                var relative = trash.TrashRelative(item.Id, Path.GetFileName(data));
                if (item.RelativePath != relative)
                {
                    if (TrashStore.ReadOrigin(folder) is null && origin is not null)
                    {
                        await File.WriteAllTextAsync(Path.Combine(folder, TrashStore.OriginFile), origin, cancellationToken);
                    }

                    item.RelativePath = relative;
                    fixes++;
                }

                // Killed between the photo's rename and its sidecars': they follow it into the trash.
                if (origin is not null && !File.Exists(services.FullPath(origin)) && SidecarTravel.Follow(services.FullPath(origin), data) > 0)
                {
                    fixes++;
                }

                continue;
            }

            var back = trash.IsTrashRelative(item.RelativePath) ? origin : item.RelativePath;
            if (back is not null && new FileInfo(services.FullPath(back)) is { Exists: true } file && file.Length == item.Size)
            {
                await db.MediaItems.Where(i => i.RelativePath == back && i.Id != item.Id).ExecuteDeleteAsync(cancellationToken);
                item.RelativePath = back;
                item.TrashedAt = null;
                item.State = ItemState.Present;
                item.MissingSince = null;
                SidecarTravel.Follow(Path.Combine(folder, Path.GetFileName(origin ?? back)), services.FullPath(back));
            }
            else
            {
                db.MediaItems.Remove(item);
            }

            TrashStore.DeleteFolder(folder);
            fixes++;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        fixes += RecoverOrphans(rows.Where(r => r.TrashedAt != null && db.Entry(r).State != EntityState.Detached).Select(r => r.Id.ToString("N")).ToHashSet());
        var displaced = await db.DisplacedVersions.Select(d => new { d.Id, d.HoldingPath }).ToListAsync(cancellationToken);
        var gone = displaced.Where(d => !File.Exists(Path.Combine(services.HoldingRoot, d.HoldingPath))).Select(d => d.Id).ToList();
        fixes += await db.DisplacedVersions.Where(d => gone.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
        return fixes;
    }

    private int RecoverOrphans(HashSet<string> trashed)
    {
        var services = trash.Services;
        if (!Directory.Exists(services.TrashRoot))
        {
            return 0;
        }

        var fixes = 0;
        foreach (var folder in Directory.EnumerateDirectories(services.TrashRoot).ToList())
        {
            if (trashed.Contains(Path.GetFileName(folder)))
            {
                continue;
            }

            var data = TrashStore.DataFile(folder);
            var secondName = data is not null && File.Exists(Path.Combine(folder, TrashStore.ReplaceMarker))
                && TrashStore.ReadOrigin(folder) is { } replaced && TrashStore.SameBytes(data, services.FullPath(replaced));
            if (data is not null && !secondName) // a PUT over the photo killed before its row moved: only a second name of it, dropped
            {
                var relative = TrashStore.ReadOrigin(folder) ?? RecoveredFolder + "/" + Path.GetFileName(data);
                var target = FreePath(services.FullPath(relative));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(data, target, overwrite: false);
                SidecarTravel.Follow(data, target);
            }

            TrashStore.DeleteFolder(folder);
            fixes++;
        }

        return fixes;
    }

    private static string FreePath(string path)
    {
        var candidate = path;
        for (var n = 2; File.Exists(candidate) || Directory.Exists(candidate); n++)
        {
            candidate = Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)} ({n}){Path.GetExtension(path)}");
        }

        return candidate;
    }
}
