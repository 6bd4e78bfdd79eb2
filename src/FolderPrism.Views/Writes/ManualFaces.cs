using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Indexing.Jobs;
using FolderPrism.Views.Items;
using FolderPrism.Views.Sidecars;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Library;
using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Views.Writes;

/// <summary>
/// A face a user marked by hand (a box dragged on the browser preview, and a name): stored as the user's face
/// (<see cref="AssociationSource.User"/>, origin <c>manual</c>, listed as source <c>manual</c>) with the box
/// normalised to the upright image and that image's pixel size; the person is created if new. The descriptor is
/// computed from the box right away when the models are installed, so the person learns that face at the next
/// clustering run; without models the face is stored all the same and embedded when vision first analyses the photo.
/// The user's box is the truth: faces it overlaps are replaced (a detection's descriptor is kept if none could be
/// computed), and the person's other face on the photo is unassigned (never the same person twice in one photo).
/// The sidecar gets the region through <see cref="SidecarQueue"/>.
/// </summary>
internal sealed class ManualFaces(ViewServices services, SidecarQueue sidecars, IServiceProvider provider, ILogger<ManualFaces> logger)
{
    /// <summary>Boxes overlapping this much (IoU) mark the same face (as when vision matches regions to detections).</summary>
    private const double SameFaceIoU = 0.4;

    /// <summary>Smallest accepted box side, as a fraction of the image: a slip of the finger is not a face.</summary>
    private const double MinSide = 0.005;

    public const int MaxNameLength = 200;

    public async Task<MarkedFace> MarkAsync(Guid itemId, string name, FaceBox box, CancellationToken cancellationToken)
    {
        name = ValidName(name);
        box = ValidBox(box);
        string relativePath;
        int width, height;
        await using (var db = await services.Contexts.CreateDbContextAsync(cancellationToken))
        {
            var item = await db.MediaItems.AsNoTracking().Where(i => i.Id == itemId && i.State == ItemState.Present && i.TrashedAt == null)
                .Select(i => new { i.RelativePath, i.Kind, i.Width, i.Height, i.Orientation }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DavException(StatusCodes.Status404NotFound, message: "No such photo.");
            if (item.Kind != MediaKind.Image)
            {
                throw new DavException(StatusCodes.Status403Forbidden, message: "Faces can only be marked on photos.");
            }

            relativePath = item.RelativePath;
            var swap = item.Orientation is >= 5 and <= 8;
            (width, height) = ((swap ? item.Height : item.Width) ?? 0, (swap ? item.Width : item.Height) ?? 0);
        }

        var embedding = await EmbedAsync(services.FullPath(relativePath), box, cancellationToken);
        var faceId = await StoreAsync(itemId, name, box, width, height, embedding, cancellationToken);
        sidecars.Enqueue(itemId);
        int[] pixels = [Px(box.X, width), Px(box.Y, height), Px(box.Width, width), Px(box.Height, height)];
        return new MarkedFace(faceId.Id, name, pixels, faceId.Embedded);
    }

    private async Task<(long Id, bool Embedded)> StoreAsync(
        Guid itemId, string name, FaceBox box, int width, int height, float[]? embedding, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await PersonResolver.GetOrCreateAsync(db, name, cancellationToken);
        var faces = await db.Faces.Where(f => f.ItemId == itemId).ToListAsync(cancellationToken);
        var overlapped = faces.Where(f => !(f.Width >= 1 && f.Height >= 1) && new FaceBox(f.X, f.Y, f.Width, f.Height).IoU(box) >= SameFaceIoU)
            .OrderByDescending(f => new FaceBox(f.X, f.Y, f.Width, f.Height).IoU(box)).ToList();
        var blob = embedding is null ? overlapped.Select(f => f.Embedding).FirstOrDefault(e => e is not null) : FaceRecords.EncodeVector(embedding);
        db.Faces.RemoveRange(overlapped);
        foreach (var other in faces.Except(overlapped).Where(f => f.PersonId == person.Id))
        {
            if (PeopleKind.IsWholePhoto(other.Source, other.Origin, other.Width, other.Height))
            {
                db.Faces.Remove(other); // "Alice is on this photo" is now said by her box
            }
            else
            {
                other.PersonId = null;
                other.ClusterId = null;
                other.Rejections = FaceRecords.AddRejection(other.Rejections, FaceRecords.PersonToken(person.Id));
            }
        }

        var face = new Face
        {
            ItemId = itemId,
            PersonId = person.Id,
            X = box.X,
            Y = box.Y,
            Width = box.Width,
            Height = box.Height,
            ImageWidth = width > 0 ? width : null,
            ImageHeight = height > 0 ? height : null,
            Source = AssociationSource.User,
            Origin = PeopleKind.ManualOrigin,
            Embedding = blob,
            Clusterable = blob is not null,
        };
        db.Faces.Add(face);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Face of {Person} marked by hand on item {Item} ({Embedded})", name, itemId, blob is null ? "no descriptor yet" : "with descriptor");
        return (face.Id, blob is not null);
    }

    private async Task<float[]?> EmbedAsync(string path, FaceBox box, CancellationToken cancellationToken)
    {
        if (provider.GetService<RegionEmbedder>() is not { IsAvailable: true } embedder)
        {
            return null;
        }

        try
        {
            return await Task.Run(() => embedder.TryEmbed(path, box, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            logger.LogWarning("No descriptor for the face marked on {Path}: {Message}", path, e.Message);
            return null;
        }
    }

    private static string ValidName(string name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: $"A name of 1 to {MaxNameLength} printable characters is needed.");
        }

        return trimmed;
    }

    private static FaceBox ValidBox(FaceBox box)
    {
        double[] values = [box.X, box.Y, box.Width, box.Height];
        const double slack = 0.01; // rounding in the browser
        if (values.Any(v => !double.IsFinite(v)) || box.X < -slack || box.Y < -slack || box.Width < MinSide || box.Height < MinSide
            || box.Right > 1 + slack || box.Bottom > 1 + slack)
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "The box must be [x, y, w, h] within 0..1 of the image.");
        }

        var x = Math.Clamp(box.X, 0, 1);
        var y = Math.Clamp(box.Y, 0, 1);
        var clamped = new FaceBox(x, y, Math.Min(box.Right, 1) - x, Math.Min(box.Bottom, 1) - y);
        if (clamped.Width >= 1 && clamped.Height >= 1)
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "A box over the whole photo is no face; copy the photo into People/<name> instead.");
        }

        return clamped;
    }

    private static int Px(double fraction, int size) => (int)Math.Round(fraction * size);
}
