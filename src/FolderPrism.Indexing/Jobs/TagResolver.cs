using FolderPrism.Core.Library;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Jobs;

/// <summary>Finds or creates the chain of tags for a keyword path (case-insensitive), inside the caller's transaction.</summary>
public static class TagResolver
{
    public static async Task<Tag> GetOrCreateAsync(
        FolderPrismDbContext db, IReadOnlyList<string> levels, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Tag? parent = null;
        var path = "";
        foreach (var level in levels)
        {
            path = parent is null ? level : path + "|" + level;
            var fullPath = path;
            var tag = db.Tags.Local.FirstOrDefault(t => string.Equals(t.FullPath, fullPath, StringComparison.OrdinalIgnoreCase))
                      ?? await db.Tags.SingleOrDefaultAsync(t => t.FullPath == fullPath, cancellationToken);
            if (tag is null)
            {
                tag = new Tag { Name = level, FullPath = fullPath, ParentId = parent?.Id, CreatedAt = now };
                db.Tags.Add(tag);
                await db.SaveChangesAsync(cancellationToken);
            }

            parent = tag;
        }

        return parent!;
    }
}
