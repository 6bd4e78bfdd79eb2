using FolderPrism.Core.Library;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Trash;

/// <summary>What the Trash view lists: trashed rows (dated: a file trashed before analysis is dated by its file time).</summary>
internal static class TrashQueries
{
    public static IQueryable<MediaItem> Trashed(FolderPrismDbContext db) =>
        db.MediaItems.AsNoTracking().Where(i => i.TrashedAt != null && i.TakenLocal != null);
}
