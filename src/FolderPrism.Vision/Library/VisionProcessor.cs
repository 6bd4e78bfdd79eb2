using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using FolderPrism.Vision.Faces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FolderPrism.Vision.Library;

/// <summary>
/// Runs vision over the library's photos and stores what it finds. Split into a database read
/// (<see cref="ListPendingAsync"/>), the synchronous CPU-heavy <see cref="Analyze"/> (run it on the low-priority
/// worker thread) and a short database write (<see cref="SaveAsync"/>), so the heavy part never holds a connection
/// and the caller decides thread and priority. Only photos whose thumbnails exist are picked: vision never gets ahead
/// of (or in the way of) indexing, and it decodes the indexer's cached preview rather than the original (through
/// <paramref name="media"/>; without it, or when the preview is missing, the original).
/// </summary>
public sealed class VisionProcessor(
    IDbContextFactory<FolderPrismDbContext> contexts,
    IPhotoVisionAnalyzer analyzer,
    IOptions<LibraryOptions> library,
    TimeProvider time,
    IMediaProcessor? media = null)
{
    /// <summary>Two boxes overlapping this much (IoU) are the same face: a detection then adds its descriptor to the region.</summary>
    private const double SameFaceIoU = 0.4;

    public const string DetectorOrigin = "faceres";

    public bool IsAvailable => analyzer.IsAvailable;

    public async Task<int> CountPendingAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Pending(db).CountAsync(ct);
    }

    public async Task<IReadOnlyList<PendingPhoto>> ListPendingAsync(int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var items = await Pending(db).OrderBy(i => i.RelativePath).Take(max)
            .Select(i => new { i.Id, i.RelativePath, i.ContentHash }).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var regions = (await db.Faces.AsNoTracking()
            .Where(f => ids.Contains(f.ItemId) && f.Source != AssociationSource.Recognition && f.Width < 1 && f.Height < 1)
            .Select(f => new { f.Id, f.ItemId, f.X, f.Y, f.Width, f.Height }).ToListAsync(ct))
            .ToLookup(f => f.ItemId);
        return items.Select(i => new PendingPhoto(i.Id, i.RelativePath, i.ContentHash!,
            regions[i.Id].Select(f => (f.Id, new FaceBox(f.X, f.Y, f.Width, f.Height))).ToList())).ToList();
    }

    /// <summary>Analyses on the calling thread; undecodable or vanished files become an outcome with an error.</summary>
    public VisionOutcome Analyze(PendingPhoto photo, CancellationToken ct)
    {
        var path = Path.Combine(library.Value.OriginalsPath, photo.RelativePath.Replace('/', Path.DirectorySeparatorChar));
        try
        {
            return new VisionOutcome(photo, analyzer.Analyze(path, PreviewPath(photo), photo.Regions.Select(r => r.Box).ToList(), ct), null);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            return new VisionOutcome(photo, null, e.Message);
        }
    }

    private string? PreviewPath(PendingPhoto photo)
    {
        try
        {
            return media?.ThumbnailPath(photo.ContentHash, ThumbnailSize.Preview);
        }
        catch (ArgumentException)
        {
            return null; // not a hash the thumbnail store uses: decode the original
        }
    }

    /// <summary>Replaces the photo's detected faces and machine labels (rejected labels stay rejected); returns the number of faces stored.</summary>
    public async Task<int> SaveAsync(VisionOutcome outcome, CancellationToken ct)
    {
        var photo = outcome.Photo;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var item = await db.MediaItems.Include(i => i.Faces).SingleOrDefaultAsync(i => i.Id == photo.ItemId, ct);
        if (item is null || item.ContentHash != photo.ContentHash)
        {
            return 0; // changed or gone meanwhile: it is pending again (or never will be)
        }

        var now = time.GetUtcNow();
        var stored = 0;
        if (outcome.Result is { } result)
        {
            stored = StoreFaces(item, photo, result);
            await StoreLabelsAsync(db, item.Id, result, now, ct);
        }

        var state = await db.VisionStates.SingleOrDefaultAsync(v => v.ItemId == item.Id, ct);
        if (state is null)
        {
            state = new VisionState { ItemId = item.Id };
            db.VisionStates.Add(state);
        }

        state.ContentHash = photo.ContentHash;
        state.ProcessedAt = now;
        state.FaceCount = stored;
        state.Error = outcome.Error is { } error ? error[..Math.Min(error.Length, 1000)] : null;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return stored;
    }

    private static int StoreFaces(MediaItem item, PendingPhoto photo, PhotoVisionResult result)
    {
        var (w, h) = (result.Width, result.Height);
        item.Faces.RemoveAll(f => f.Source == AssociationSource.Recognition);
        var detected = result.Faces
            .Select(f => (Face: f, Box: new FaceBox(f.Face.Box.X / w, f.Face.Box.Y / h, f.Face.Box.Width / w, f.Face.Box.Height / h)))
            .ToList();
        var consumed = new HashSet<int>();
        for (var r = 0; r < photo.Regions.Count; r++)
        {
            var (faceId, box) = photo.Regions[r];
            var face = item.Faces.FirstOrDefault(f => f.Id == faceId);
            if (face is null)
            {
                continue;
            }

            var match = Enumerable.Range(0, detected.Count).Where(d => !consumed.Contains(d) && detected[d].Box.IoU(box) >= SameFaceIoU)
                .OrderByDescending(d => detected[d].Box.IoU(box)).Select(d => (int?)d).FirstOrDefault();
            var embedding = match is { } m && !detected[m].Face.Embedding.IsEmpty ? detected[m].Face.Embedding : result.RegionEmbeddings?[r];
            if (match is { } used)
            {
                consumed.Add(used);
            }

            // A region is kept as given (box, person); it only gains the descriptor, and a person vouched for it.
            face.Embedding = embedding is null ? null : FaceRecords.EncodeVector(embedding.Vector);
            face.Clusterable = embedding is not null;
            face.ImageWidth ??= w;
            face.ImageHeight ??= h;
        }

        var stored = 0;
        for (var d = 0; d < detected.Count; d++)
        {
            if (consumed.Contains(d))
            {
                continue;
            }

            var (analyzed, box) = detected[d];
            item.Faces.Add(new Face
            {
                ItemId = item.Id,
                X = box.X,
                Y = box.Y,
                Width = box.Width,
                Height = box.Height,
                ImageWidth = w,
                ImageHeight = h,
                Source = AssociationSource.Recognition,
                Origin = DetectorOrigin,
                Score = analyzed.Face.Score,
                Landmarks = FaceRecords.EncodeLandmarks(analyzed.Face.Landmarks, w, h),
                Embedding = analyzed.Embedding.IsEmpty ? null : FaceRecords.EncodeVector(analyzed.Embedding.Vector),
                Clusterable = analyzed.Clusterable,
            });
            stored++;
        }

        return stored + consumed.Count;
    }

    private static async Task StoreLabelsAsync(FolderPrismDbContext db, Guid itemId, PhotoVisionResult result, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Labels.Where(l => l.ItemId == itemId).ToListAsync(ct);
        foreach (var label in existing.Where(l => !l.Rejected && !result.Labels.ContainsKey(l.Name)))
        {
            db.Labels.Remove(label);
        }

        foreach (var (name, score) in result.Labels)
        {
            var row = existing.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                db.Labels.Add(new Label { ItemId = itemId, Name = name, Score = score, DetectedAt = now });
            }
            else
            {
                row.Score = score;
                row.DetectedAt = now;
            }
        }
    }

    private static IQueryable<MediaItem> Pending(FolderPrismDbContext db) =>
        db.MediaItems.AsNoTracking().Where(i =>
            i.Kind == MediaKind.Image && i.State == ItemState.Present && i.TrashedAt == null && !i.IsDamaged &&
            i.ThumbnailState == ThumbnailState.Ready && i.ContentHash != null &&
            !db.VisionStates.Any(v => v.ItemId == i.Id && v.ContentHash == i.ContentHash));
}
