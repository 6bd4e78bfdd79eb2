using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Views.Items;
using FolderPrism.Views.Sidecars;
using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Trash;

/// <summary>
/// Moves deleted originals to <c>&lt;library&gt;/.trash/&lt;item id&gt;/&lt;name&gt;</c> and back. While trashed, the
/// row's <see cref="MediaItem.RelativePath"/> points at the trash file (<c>../.trash/…</c>), so the Originals path is
/// free for a new file, and the original path is journaled in <c>.origin</c> next to it. Every step commits the row
/// before the (atomic) rename and <see cref="TrashRepair"/> settles any crash point, so the file exists exactly once.
/// One operation at a time (the lock), so expiry never races a restore. The photo's own XMP sidecars travel with it
/// (<see cref="SidecarTravel"/>): into the trash folder beside it after the photo moved, back beside it after a restore,
/// and away with it on purge; <see cref="TrashRepair"/> reunites them after a crash between the two renames.
/// </summary>
internal sealed partial class TrashStore(ViewServices services, TimeProvider time)
{
    public const string OriginFile = ".origin";

    private readonly SemaphoreSlim _lock = new(1, 1);

    public ViewServices Services => services;

    public string Folder(Guid id) => Path.Combine(services.TrashRoot, id.ToString("N"));

    /// <summary>The row path of a file in the trash, relative to Originals/ (<c>../.trash/&lt;id&gt;/&lt;name&gt;</c>).</summary>
    public string TrashRelative(Guid id, string fileName) =>
        Path.GetRelativePath(services.OriginalsRoot, Path.Combine(Folder(id), fileName)).Replace(Path.DirectorySeparatorChar, '/');

    public bool IsTrashRelative(string relativePath) =>
        relativePath.StartsWith(Path.GetRelativePath(services.OriginalsRoot, services.TrashRoot).Replace(Path.DirectorySeparatorChar, '/') + "/",
            StringComparison.Ordinal);

    public string FullPath(string relativePath) => Path.GetFullPath(services.FullPath(relativePath));

    /// <summary>The original path journaled for a trash folder, or null.</summary>
    public static string? ReadOrigin(string folder)
    {
        var file = Path.Combine(folder, OriginFile);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    /// <summary>The deleted file kept in a trash folder (anything but the journal and the photo's sidecars), or null.</summary>
    public static string? DataFile(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).FirstOrDefault(f => !Path.GetFileName(f).StartsWith(OriginFile, StringComparison.Ordinal) && !SidecarTravel.IsSidecar(f))
            : null;

    public async Task TrashAsync(Guid id, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
            var item = await db.MediaItems.SingleOrDefaultAsync(i => i.Id == id && i.TrashedAt == null, cancellationToken)
                ?? throw new DavException(StatusCodes.Status404NotFound);
            await TrashRowAsync(db, item);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// DELETE of a real file under Originals/: photos and videos go to the trash (a row is made for one the index has
    /// not seen yet, dated by its file time until analysed); anything else is not ours to keep (false).
    /// </summary>
    public Task<bool> TrashFileAsync(string physicalPath, CancellationToken cancellationToken) =>
        WithFileRowAsync(physicalPath, async (db, item) =>
        {
            await TrashRowAsync(db, item);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Under the trash lock, runs <paramref name="work"/> with the row of a photo/video file under Originals/ (made
    /// for a file the index has not seen yet, dated by its file time until analysed); false when the file is not
    /// ours to keep (outside Originals/, a link, client noise, not media).
    /// </summary>
    private async Task<bool> WithFileRowAsync(
        string physicalPath, Func<Data.FolderPrismDbContext, MediaItem, Task<bool>> work, CancellationToken cancellationToken)
    {
        var relative = Path.GetRelativePath(services.OriginalsRoot, physicalPath).Replace(Path.DirectorySeparatorChar, '/');
        var info = new FileInfo(physicalPath);
        if (relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) || !info.Exists
            || info.LinkTarget is not null || Core.Files.ClientNoise.IsNoise(info.Name) || MediaTypes.GetKind(relative) == MediaKind.Unknown)
        {
            return false;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
                var item = await db.MediaItems.SingleOrDefaultAsync(i => i.RelativePath == relative, cancellationToken);
                var fresh = item is null;
                item ??= db.MediaItems.Add(new MediaItem
                {
                    Id = Guid.CreateVersion7(), RelativePath = relative, Size = info.Length, ModifiedUtc = info.LastWriteTimeUtc,
                    Kind = MediaTypes.GetKind(relative), MimeType = MediaTypes.GetMimeType(relative), FirstSeenAt = time.GetUtcNow(),
                }).Entity;
                try
                {
                    return await work(db, item);
                }
                catch (DbUpdateException) when (fresh && attempt == 0)
                {
                    // The indexer made a row for this file meanwhile: trash that one.
                    DeleteFolder(Folder(item.Id));
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task TrashRowAsync(Data.FolderPrismDbContext db, MediaItem item)
    {
        var original = item.RelativePath;
        var source = services.FullPath(original);
        if (!File.Exists(source))
        {
            throw new DavException(StatusCodes.Status404NotFound);
        }

        var folder = Folder(item.Id);
        var name = Path.GetFileName(original);
        Directory.CreateDirectory(folder);
        await WriteOriginAsync(folder, original);
        MarkTrashed(item, name, source);
        await db.SaveChangesAsync(CancellationToken.None);
        var sidecars = SidecarTravel.Plan(source, Path.Combine(folder, name));
        try
        {
            File.Move(source, Path.Combine(folder, name), overwrite: false);
        }
        catch
        {
            item.RelativePath = original;
            item.TrashedAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
            Directory.Delete(folder, recursive: true);
            throw;
        }

        SidecarTravel.Move(sidecars);
    }

    private void MarkTrashed(MediaItem item, string name, string source)
    {
        item.RelativePath = TrashRelative(item.Id, name);
        item.TrashedAt = time.GetUtcNow();
        if (item.TakenLocal is null)
        {
            item.TakenLocal = File.GetLastWriteTimeUtc(source);
            item.TakenSource = DateSource.FileTime;
        }
    }

    /// <summary>Restores a trashed item to <paramref name="destination"/> (relative to Originals/), or where it came from.</summary>
    public async Task RestoreAsync(Guid id, string? destination, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
            var item = await db.MediaItems.SingleOrDefaultAsync(i => i.Id == id && i.TrashedAt != null, cancellationToken)
                ?? throw new DavException(StatusCodes.Status404NotFound);
            var folder = Folder(id);
            var source = FullPath(item.RelativePath);
            var relative = destination ?? ReadOrigin(folder) ?? Path.GetFileName(source);
            var target = services.FullPath(relative);
            if (File.Exists(target) || Directory.Exists(target))
            {
                throw new DavException(StatusCodes.Status412PreconditionFailed, message: "Another file now has the original's name.");
            }

            // Stale rows of files gone from that path would block the unique path.
            await db.MediaItems.Where(i => i.RelativePath == relative && i.Id != id).ExecuteDeleteAsync(cancellationToken);
            var trashRelative = item.RelativePath;
            item.RelativePath = relative;
            await db.SaveChangesAsync(CancellationToken.None);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var sidecars = SidecarTravel.Plan(source, target);
                File.Move(source, target, overwrite: false);
                SidecarTravel.Move(sidecars);
            }
            catch
            {
                item.RelativePath = trashRelative;
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }

            item.TrashedAt = null;
            item.State = ItemState.Present;
            item.MissingSince = null;
            await db.SaveChangesAsync(CancellationToken.None);
            DeleteFolder(folder);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Deletes the trashed file for good, then its row (tags, faces and albums go with it). Its displaced versions
    /// (lesser copies import held back) go too: they are versions of the photo deleted for good, and their rows
    /// would cascade away with the item anyway, leaving unreachable files.
    /// </summary>
    public async Task PurgeAsync(Guid id, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
            var item = await db.MediaItems.SingleOrDefaultAsync(i => i.Id == id && i.TrashedAt != null, cancellationToken)
                ?? throw new DavException(StatusCodes.Status404NotFound);
            if (IsTrashRelative(item.RelativePath))
            {
                File.Delete(FullPath(item.RelativePath));
            }

            foreach (var holding in await db.DisplacedVersions.Where(d => d.KeptItemId == id).Select(d => d.HoldingPath).ToListAsync(cancellationToken))
            {
                File.Delete(Path.Combine(services.HoldingRoot, holding));
            }

            DeleteFolder(Folder(id));
            db.MediaItems.Remove(item);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Purges everything trashed before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> ExpireAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        List<Guid> ids;
        await using (var db = await services.Contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.MediaItems.Where(i => i.TrashedAt != null && i.TrashedAt < cutoff).Select(i => i.Id).ToListAsync(cancellationToken);
        }

        var purged = 0;
        foreach (var id in ids)
        {
            try
            {
                await PurgeAsync(id, cancellationToken);
                purged++;
            }
            catch (DavException)
            {
                // Restored meanwhile.
            }
        }

        return purged;
    }

    /// <summary>Runs <paramref name="work"/> under the trash lock (start-up repair).</summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _lock.Release();
        }
    }

    public static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes the journal atomically (temp, fsync, rename) before the row or the file moves.</summary>
    private static async Task WriteOriginAsync(string folder, string relativePath)
    {
        var temp = Path.Combine(folder, OriginFile + ".tmp");
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(relativePath), CancellationToken.None);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(folder, OriginFile), overwrite: true);
    }
}
