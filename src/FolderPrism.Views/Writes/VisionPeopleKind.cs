using System.Globalization;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Views.Mounts;
using FolderPrism.Views.Sidecars;
using FolderPrism.Vision.Library;
using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Writes;

/// <summary>
/// People edits that know about face clusters, around <see cref="PeopleKind"/>: renaming <c>Unknown N</c> names the
/// person (onto an existing name it merges), deleting a photo from a person or cluster folder unassigns that face and
/// records the rejection so clustering never puts it back, deleting an <c>Unknown N</c> folder rejects the cluster,
/// and COPY of a photo into a person assigns the photo's single unassigned face when there is exactly one.
/// Never the same person twice in one photo: a rename or merge leaves such a face where it was.
/// Photos whose faces get a name are queued for their XMP sidecar (the region gains the name, for digiKam/Lightroom).
/// </summary>
internal sealed class VisionPeopleKind(IDbContextFactory<FolderPrismDbContext> contexts, PeopleKind people, TimeProvider time, SidecarQueue sidecars) : IAssociationKind
{
    public Task CreateAsync(string name, CancellationToken cancellationToken) => people.CreateAsync(name, cancellationToken);

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (PeopleViews.ClusterId(key) is not { } cluster)
        {
            await people.DeleteAsync(key, cancellationToken);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var faces = await db.Faces.Where(f => f.ClusterId == cluster && f.PersonId == null).ToListAsync(cancellationToken);
        foreach (var face in faces)
        {
            Reject(face, FaceRecords.ClusterToken(cluster));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RenameAsync(string key, string newName, CancellationToken cancellationToken)
    {
        if (PeopleViews.ClusterId(key) is not { } cluster)
        {
            await people.RenameAsync(key, newName, cancellationToken);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.People.FirstOrDefaultAsync(p => p.Name == newName, cancellationToken);
        if (person is null)
        {
            person = new Person { Name = newName, CreatedAt = time.GetUtcNow() };
            db.People.Add(person);
            await db.SaveChangesAsync(cancellationToken);
        }

        var personId = person.Id;
        var taken = (await db.Faces.Where(f => f.PersonId == personId).Select(f => f.ItemId).ToListAsync(cancellationToken)).ToHashSet();
        var faces = await db.Faces.Where(f => f.ClusterId == cluster && f.PersonId == null).ToListAsync(cancellationToken);
        var named = new List<Guid>();
        foreach (var face in faces.Where(f => taken.Add(f.ItemId)))
        {
            if (!FaceRecords.ParseRejections(face.Rejections).Contains(FaceRecords.PersonToken(personId)))
            {
                sidecars.Editing(face.ItemId); // stamped before the change, so a re-read of the old sidecar is ignored
                face.PersonId = personId;
                face.ClusterId = null;
                named.Add(face.ItemId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sidecars.Enqueue(named);
    }

    public async Task AddAsync(string key, Guid itemId, CancellationToken cancellationToken)
    {
        if (PeopleViews.ClusterId(key) is not null)
        {
            throw new DavException(StatusCodes.Status403Forbidden, message: "Name the person first (rename the Unknown folder), then add photos.");
        }

        var personId = int.Parse(key, CultureInfo.InvariantCulture);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Faces.AnyAsync(f => f.ItemId == itemId && f.PersonId == personId, cancellationToken))
        {
            var unassigned = await db.Faces.Where(f => f.ItemId == itemId && f.PersonId == null).ToListAsync(cancellationToken);
            if (unassigned.Count == 1)
            {
                unassigned[0].PersonId = personId;
                unassigned[0].ClusterId = null;
                await db.SaveChangesAsync(cancellationToken);
                sidecars.Enqueue(itemId);
                return;
            }
        }

        await people.AddAsync(key, itemId, cancellationToken);
    }

    public async Task RemoveAsync(string key, Guid itemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (PeopleViews.ClusterId(key) is { } cluster)
        {
            foreach (var face in await db.Faces.Where(f => f.ItemId == itemId && f.ClusterId == cluster && f.PersonId == null).ToListAsync(cancellationToken))
            {
                Reject(face, FaceRecords.ClusterToken(cluster));
            }

            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var personId = int.Parse(key, CultureInfo.InvariantCulture);
        foreach (var face in await db.Faces.Where(f => f.ItemId == itemId && f.PersonId == personId && f.Embedding != null).ToListAsync(cancellationToken))
        {
            face.Rejections = FaceRecords.AddRejection(face.Rejections, FaceRecords.PersonToken(personId));
        }

        await db.SaveChangesAsync(cancellationToken);
        await people.RemoveAsync(key, itemId, cancellationToken);
    }

    /// <summary>
    /// MOVE of a photo from one people folder to another: the photo's one face in the source folder (cluster or person)
    /// goes to the destination person and remembers where it came from. False when that is not one face (or the
    /// destination already has a face on the photo): the caller falls back to remove + add.
    /// </summary>
    public async Task<bool> MoveFaceAsync(string fromKey, string toKey, Guid itemId, CancellationToken cancellationToken)
    {
        if (PeopleViews.ClusterId(toKey) is not null || !int.TryParse(toKey, NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var faces = await db.Faces.Where(f => f.ItemId == itemId).ToListAsync(cancellationToken);
        var cluster = PeopleViews.ClusterId(fromKey);
        int? from = cluster is null && int.TryParse(fromKey, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        var candidates = faces.Where(f => cluster is { } c ? f.ClusterId == c && f.PersonId == null : from is { } person && f.PersonId == person).ToList();
        if (candidates.Count != 1 || faces.Any(f => f.PersonId == to))
        {
            return false;
        }

        var face = candidates[0];
        face.Rejections = FaceRecords.AddRejection(face.Rejections, cluster is { } rejected ? FaceRecords.ClusterToken(rejected) : FaceRecords.PersonToken(from!.Value));
        face.PersonId = to;
        face.ClusterId = null;
        await db.SaveChangesAsync(cancellationToken);
        sidecars.Enqueue(itemId);
        return true;
    }

    private static void Reject(Face face, string token)
    {
        face.Rejections = FaceRecords.AddRejection(face.Rejections, token);
        face.ClusterId = null;
    }
}
