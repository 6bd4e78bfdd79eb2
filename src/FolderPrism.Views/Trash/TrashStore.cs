using FolderPrism.Core.Library;
using FolderPrism.Views.Items;
using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Trash;

/// <summary>
/// Moves deleted originals to <c>&lt;library&gt;/.trash/&lt;item id&gt;/&lt;name&gt;</c> and back. The index row is the
/// journal: <see cref="MediaItem.TrashedAt"/> is committed before the rename and rolled back if the rename fails, so at
/// any crash point the file is either still in Originals/ or in the trash folder its row names — never lost.
/// </summary>
internal sealed class TrashStore(ViewServices services, TimeProvider time)
{
    public string TrashPath(Guid id, string relativePath) =>
        Path.Combine(services.TrashRoot, id.ToString("N"), relativePath[(relativePath.LastIndexOf('/') + 1)..]);

    public async Task TrashAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.MediaItems.SingleOrDefaultAsync(i => i.Id == id && i.TrashedAt == null, cancellationToken)
            ?? throw new DavException(StatusCodes.Status404NotFound);
        var source = services.FullPath(item.RelativePath);
        var target = TrashPath(id, item.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        item.TrashedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        try
        {
            File.Move(source, target, overwrite: false);
        }
        catch
        {
            item.TrashedAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task RestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.MediaItems.SingleOrDefaultAsync(i => i.Id == id && i.TrashedAt != null, cancellationToken)
            ?? throw new DavException(StatusCodes.Status404NotFound);
        var target = services.FullPath(item.RelativePath);
        if (File.Exists(target))
        {
            throw new DavException(StatusCodes.Status412PreconditionFailed, message: "Another file now has the original's name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(TrashPath(id, item.RelativePath), target, overwrite: false);
        item.TrashedAt = null;
        item.State = ItemState.Present;
        item.MissingSince = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Deletes the trashed file for good, then its row (tags, faces and albums go with it).</summary>
    public async Task PurgeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.MediaItems.SingleOrDefaultAsync(i => i.Id == id && i.TrashedAt != null, cancellationToken)
            ?? throw new DavException(StatusCodes.Status404NotFound);
        var path = TrashPath(id, item.RelativePath);
        File.Delete(path);
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }

        db.MediaItems.Remove(item);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
