using System.Globalization;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Views.Sidecars;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Writes;

/// <summary>Album edits: membership rows only; deleting an album never touches its photos.</summary>
internal sealed class AlbumsKind(IDbContextFactory<FolderPrismDbContext> contexts, TimeProvider time, SidecarQueue sidecars) : IAssociationKind
{
    public async Task CreateAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Albums.AnyAsync(a => a.Name == name, cancellationToken))
        {
            db.Albums.Add(new Album { Name = name, CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var id = Id(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var affected = await sidecars.ItemsOfAlbumAsync(db, id, cancellationToken);
        await db.Albums.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        sidecars.Enqueue(affected);
    }

    public async Task RenameAsync(string key, string newName, CancellationToken cancellationToken)
    {
        var id = Id(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var affected = await sidecars.ItemsOfAlbumAsync(db, id, cancellationToken);
        var target = await db.Albums.FirstOrDefaultAsync(a => a.Name == newName && a.Id != id, cancellationToken);
        if (target is null)
        {
            await db.Albums.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, newName), cancellationToken);
        }
        else
        {
            var already = db.AlbumItems.Where(t => t.AlbumId == target.Id).Select(t => t.ItemId);
            await db.AlbumItems.Where(a => a.AlbumId == id && !already.Contains(a.ItemId))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AlbumId, target.Id), cancellationToken);
            await db.Albums.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        sidecars.Enqueue(affected);
    }

    public async Task AddAsync(string key, Guid itemId, CancellationToken cancellationToken)
    {
        var id = Id(key);
        sidecars.Editing(itemId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.AlbumItems.AnyAsync(a => a.AlbumId == id && a.ItemId == itemId, cancellationToken))
        {
            db.AlbumItems.Add(new AlbumItem { AlbumId = id, ItemId = itemId, Source = AssociationSource.User, AddedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        sidecars.Enqueue(itemId);
    }

    public async Task RemoveAsync(string key, Guid itemId, CancellationToken cancellationToken)
    {
        var id = Id(key);
        sidecars.Editing(itemId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AlbumItems.Where(a => a.AlbumId == id && a.ItemId == itemId).ExecuteDeleteAsync(cancellationToken);
        sidecars.Enqueue(itemId);
    }

    private static int Id(string key) => int.Parse(key, CultureInfo.InvariantCulture);
}
