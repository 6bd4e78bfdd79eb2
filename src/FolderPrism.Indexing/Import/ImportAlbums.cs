using FolderPrism.Core.Library;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// Album links that come from Google Takeout JSON. That JSON is read at import and not copied, so the links are stored
/// with <see cref="AssociationSource.Import"/> (a re-analysis in <c>Originals/</c> cannot see the JSON and must not drop
/// them), and an input that is not filed — an exact copy in an album folder, a lesser version that is held — hands its
/// albums to the photo that is kept.
/// </summary>
internal static class ImportAlbums
{
    /// <summary>Links <paramref name="itemId"/> to the named albums (created if missing); existing links are kept.</summary>
    public static async Task LinkAsync(FolderPrismDbContext db, Guid itemId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var album = await db.Albums.SingleOrDefaultAsync(a => a.Name == name, cancellationToken);
            if (album is null)
            {
                album = new Album { Name = name, CreatedAt = now };
                db.Albums.Add(album);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (!await db.AlbumItems.AnyAsync(a => a.AlbumId == album.Id && a.ItemId == itemId, cancellationToken))
            {
                db.AlbumItems.Add(new AlbumItem { AlbumId = album.Id, ItemId = itemId, Source = AssociationSource.Import, AddedAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    /// <summary>Turns the links the analysis applier made from the Takeout JSON into import links.</summary>
    public static Task KeepAsync(FolderPrismDbContext db, Guid itemId, CancellationToken cancellationToken) =>
        db.AlbumItems.Where(a => a.ItemId == itemId && a.Source == AssociationSource.File)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Source, AssociationSource.Import), cancellationToken);
}
