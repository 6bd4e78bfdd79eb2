using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Views.Sidecars;
using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Writes;

/// <summary>Tag edits made through <c>/Tags</c>: create, delete (photos untouched), rename/move with merge, tag/untag.</summary>
internal sealed class TagEditor(IDbContextFactory<FolderPrismDbContext> contexts, TimeProvider time, SidecarQueue sidecars)
{
    public async Task CreateAsync(Tag? parent, string name, CancellationToken cancellationToken)
    {
        CheckName(name);
        var fullPath = parent is null ? name : parent.FullPath + "|" + name;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Tags.AnyAsync(t => t.FullPath == fullPath, cancellationToken))
        {
            db.Tags.Add(new Tag { Name = name, FullPath = fullPath, ParentId = parent?.Id, CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task DeleteAsync(int tagId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var affected = await sidecars.ItemsOfTagAsync(db, tagId, cancellationToken);
        // Foreign keys cascade to child tags and to the item links; media rows are never touched.
        await db.Tags.Where(t => t.Id == tagId).ExecuteDeleteAsync(cancellationToken);
        sidecars.Enqueue(affected);
    }

    public async Task AddAsync(int tagId, Guid itemId, CancellationToken cancellationToken)
    {
        sidecars.Editing(itemId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.ItemTags.AnyAsync(t => t.TagId == tagId && t.ItemId == itemId, cancellationToken))
        {
            db.ItemTags.Add(new ItemTag { TagId = tagId, ItemId = itemId, Source = AssociationSource.User, AddedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        sidecars.Enqueue(itemId);
    }

    public async Task RemoveAsync(int tagId, Guid itemId, CancellationToken cancellationToken)
    {
        sidecars.Editing(itemId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ItemTags.Where(t => t.TagId == tagId && t.ItemId == itemId).ExecuteDeleteAsync(cancellationToken);
        sidecars.Enqueue(itemId);
    }

    /// <summary>Renames and/or re-parents a tag; when the new full path exists, merges into that tag (recursively).</summary>
    public async Task MoveAsync(int tagId, Tag? newParent, string newName, CancellationToken cancellationToken)
    {
        CheckName(newName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var affected = await sidecars.ItemsOfTagAsync(db, tagId, cancellationToken);
        await MoveAsync(db, tagId, newParent?.Id, newParent?.FullPath, newName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sidecars.Enqueue(affected);
    }

    private static async Task MoveAsync(
        FolderPrismDbContext db, int tagId, int? parentId, string? parentPath, string newName, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.SingleAsync(t => t.Id == tagId, cancellationToken);
        var oldPath = tag.FullPath;
        var newPath = parentPath is null ? newName : parentPath + "|" + newName;
        var target = await db.Tags.FirstOrDefaultAsync(t => t.FullPath == newPath && t.Id != tagId, cancellationToken);
        if (target is null)
        {
            var descendants = await db.Tags.Where(t => EF.Functions.Like(t.FullPath, Escape(oldPath) + "|%", "\\")).ToListAsync(cancellationToken);
            tag.Name = newName;
            tag.ParentId = parentId;
            tag.FullPath = newPath;
            foreach (var d in descendants)
            {
                d.FullPath = newPath + d.FullPath[oldPath.Length..];
            }

            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var already = db.ItemTags.Where(t => t.TagId == target.Id).Select(t => t.ItemId);
        await db.ItemTags.Where(t => t.TagId == tagId && !already.Contains(t.ItemId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.TagId, target.Id), cancellationToken);
        var children = await db.Tags.Where(t => t.ParentId == tagId).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            await MoveAsync(db, child.Id, target.Id, target.FullPath, child.Name, cancellationToken);
        }

        db.ChangeTracker.Clear();
        await db.Tags.Where(t => t.Id == tagId).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static void CheckName(string name)
    {
        if (name.Contains('|') || string.IsNullOrWhiteSpace(name))
        {
            throw new DavException(StatusCodes.Status403Forbidden, message: "A tag name cannot contain '|'.");
        }
    }
}
