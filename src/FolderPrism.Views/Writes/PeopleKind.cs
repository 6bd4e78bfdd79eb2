using System.Globalization;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Views.Sidecars;
using FolderPrism.Vision.Library;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Writes;

/// <summary>
/// People edits. Adding a person to a photo records a whole-image face marked as the user's (<c>Origin = manual</c>);
/// removing drops the user's faces and unassigns faces read from the file; deleting a person keeps every face unassigned;
/// renaming onto an existing name merges, keeping one face per photo.
/// </summary>
internal sealed class PeopleKind(IDbContextFactory<FolderPrismDbContext> contexts, TimeProvider time, SidecarQueue sidecars) : IAssociationKind
{
    public const string ManualOrigin = "manual";

    /// <summary>
    /// A person added to a whole photo (COPY into <c>People/X</c>): the user's face with the full-image box. A box the
    /// user drew (<see cref="ManualFaces"/>) has the same source and origin but a real rectangle.
    /// </summary>
    public static bool IsWholePhoto(AssociationSource source, string? origin, double width, double height) =>
        source == AssociationSource.User && origin == ManualOrigin && width >= 1 && height >= 1;

    public async Task CreateAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.People.AnyAsync(p => p.Name == name, cancellationToken))
        {
            db.People.Add(new Person { Name = name, CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var id = Id(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var affected = await sidecars.ItemsOfPersonAsync(db, id, cancellationToken);
        await db.Faces.Where(f => f.PersonId == id && f.Origin == ManualOrigin && f.Source == AssociationSource.User).ExecuteDeleteAsync(cancellationToken);
        await db.People.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        sidecars.Enqueue(affected);
    }

    public async Task RenameAsync(string key, string newName, CancellationToken cancellationToken)
    {
        var id = Id(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var affected = await sidecars.ItemsOfPersonAsync(db, id, cancellationToken);
        var target = await db.People.FirstOrDefaultAsync(p => p.Name == newName && p.Id != id, cancellationToken);
        if (target is null)
        {
            await db.People.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, newName), cancellationToken);
        }
        else
        {
            await MergeFacesAsync(db, id, target.Id, cancellationToken);
            await db.People.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        sidecars.Enqueue(affected);
    }

    /// <summary>
    /// Moves person <paramref name="from"/>'s faces to <paramref name="to"/>, never the same person twice in one photo:
    /// where both have a face on a photo, the better one (higher detector score; a face a person drew or a file named
    /// counts as sure) stays <paramref name="to"/>'s and the other is unassigned with the rejection remembered, so
    /// clustering does not give it back. A whole-photo entry beside a real face is dropped (the face says it already).
    /// </summary>
    private static async Task MergeFacesAsync(FolderPrismDbContext db, int from, int to, CancellationToken cancellationToken)
    {
        var faces = await db.Faces.Where(f => f.PersonId == from || f.PersonId == to).ToListAsync(cancellationToken);
        var rejection = FaceRecords.PersonToken(to);
        foreach (var photo in faces.GroupBy(f => f.ItemId))
        {
            var ranked = photo
                .OrderBy(f => IsWholePhoto(f.Source, f.Origin, f.Width, f.Height) ? 1 : 0)
                .ThenByDescending(f => f.Score ?? 1.0)
                .ThenBy(f => f.PersonId == to ? 0 : 1)
                .ThenBy(f => f.Id)
                .ToList();
            ranked[0].PersonId = to;
            foreach (var other in ranked.Skip(1))
            {
                if (IsWholePhoto(other.Source, other.Origin, other.Width, other.Height))
                {
                    db.Faces.Remove(other);
                    continue;
                }

                other.PersonId = null;
                other.ClusterId = null;
                other.Rejections = FaceRecords.AddRejection(other.Rejections, rejection);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddAsync(string key, Guid itemId, CancellationToken cancellationToken)
    {
        var id = Id(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Faces.AnyAsync(f => f.ItemId == itemId && f.PersonId == id, cancellationToken))
        {
            db.Faces.Add(new Face { ItemId = itemId, PersonId = id, X = 0, Y = 0, Width = 1, Height = 1, Source = AssociationSource.User, Origin = ManualOrigin });
            await db.SaveChangesAsync(cancellationToken);
        }

        sidecars.Enqueue(itemId);
    }

    public async Task RemoveAsync(string key, Guid itemId, CancellationToken cancellationToken)
    {
        var id = Id(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Faces.Where(f => f.ItemId == itemId && f.PersonId == id && f.Source == AssociationSource.User && f.Origin == ManualOrigin)
            .ExecuteDeleteAsync(cancellationToken);
        await db.Faces.Where(f => f.ItemId == itemId && f.PersonId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PersonId, (int?)null), cancellationToken);
        sidecars.Enqueue(itemId);
    }

    private static int Id(string key) => int.Parse(key, CultureInfo.InvariantCulture);
}
