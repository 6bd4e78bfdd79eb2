using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using FolderPrism.Vision.Faces;
using FolderPrism.Vision.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FolderPrism.Vision.Library;

/// <summary>
/// Re-embeds faces whose descriptor is not the current embedder's (<c>Vision:Embedder</c> was switched) or is missing
/// (a region read from a sidecar after the photo was analysed), so they take part in clustering again. Only the
/// descriptor (and, for detected faces, the quality flag) is replaced: boxes, sources, landmarks, person and cluster
/// assignments and rejections stay, so people and <c>Unknown N</c> folders survive the switch. The queue is not stored:
/// it is the faces the database says are stale, so the work resumes after a restart where it stopped. Which embedder
/// made a descriptor is told by its size (faceres: 1024 floats, face_recognition: 128).
/// Same split as <see cref="VisionProcessor"/>: <see cref="ListStaleAsync"/> (DB), <see cref="Embed"/> (CPU, run it on
/// the low-priority thread), <see cref="SaveAsync"/> (short DB write).
/// </summary>
public sealed class DescriptorRefresher(
    IDbContextFactory<FolderPrismDbContext> contexts,
    IPhotoVisionAnalyzer analyzer,
    IFaceEmbedder embedder,
    IOptions<VisionOptions> options,
    IOptions<LibraryOptions> library,
    IMediaProcessor? media = null)
{
    public bool IsAvailable => analyzer.IsAvailable;

    /// <summary>Bytes of a stored descriptor (little-endian float32) made by <paramref name="embedderName"/>.</summary>
    public static int DescriptorBytes(string? embedderName) =>
        sizeof(float) * (embedderName == FaceEmbedderNames.FaceRecognition ? 128 : 1024);

    /// <summary>Bytes of the other embedder's descriptors: what clustering must leave out while they wait here.</summary>
    public static int OtherDescriptorBytes(string? embedderName) =>
        DescriptorBytes(embedderName == FaceEmbedderNames.FaceRecognition ? FaceEmbedderNames.FaceRes : FaceEmbedderNames.FaceRecognition);

    private int Bytes => DescriptorBytes(options.Value.Embedder);

    /// <summary>Faces waiting for a descriptor of the current embedder.</summary>
    public async Task<int> CountStaleAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Stale(db, Bytes, []).CountAsync(ct);
    }

    /// <summary>Up to <paramref name="maxPhotos"/> photos with stale faces, leaving out <paramref name="skip"/> (photos that failed this run).</summary>
    public async Task<IReadOnlyList<StalePhoto>> ListStaleAsync(int maxPhotos, IReadOnlyCollection<Guid> skip, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var bytes = Bytes;
        var ids = await Stale(db, bytes, skip).GroupBy(f => f.ItemId).OrderBy(g => g.Min(f => f.Id)).Select(g => g.Key).Take(maxPhotos).ToListAsync(ct);
        var faces = (await Stale(db, bytes, []).Where(f => ids.Contains(f.ItemId))
            .Select(f => new { f.Id, f.ItemId, f.X, f.Y, f.Width, f.Height, f.Landmarks, f.Score, f.Source }).ToListAsync(ct))
            .ToLookup(f => f.ItemId);
        var items = await db.MediaItems.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.RelativePath, i.ContentHash }).ToListAsync(ct);
        return items.OrderBy(i => ids.IndexOf(i.Id))
            .Select(i => new StalePhoto(i.Id, i.RelativePath, i.ContentHash!, faces[i.Id]
                .Select(f => new StaleFace(f.Id, new FaceBox(f.X, f.Y, f.Width, f.Height), f.Landmarks, f.Score, f.Source == AssociationSource.Recognition))
                .ToList()))
            .ToList();
    }

    /// <summary>Embeds the photo's stale faces on the calling thread; an undecodable or vanished file becomes an error.</summary>
    public RefreshOutcome Embed(StalePhoto photo, CancellationToken ct)
    {
        var settings = options.Value;
        var path = Path.Combine(library.Value.OriginalsPath, photo.RelativePath.Replace('/', Path.DirectorySeparatorChar));
        try
        {
            var preview = settings.DecodeFromPreview && PreviewPath(photo) is { } previewPath ? VisionImageLoader.TryLoadPreview(previewPath, path) : null;
            var image = preview ?? VisionImageLoader.Load(path, settings.Faces.MaxDecodeEdge);
            var (w, h) = ((double)image.OriginalWidth, (double)image.OriginalHeight);
            var result = new Dictionary<long, (float[], bool)>();
            foreach (var face in photo.Faces)
            {
                var box = new FaceBox(face.Box.X * w, face.Box.Y * h, face.Box.Width * w, face.Box.Height * h);
                var landmarks = face.Detected ? FaceRecords.DecodeLandmarks(face.Landmarks, w, h) : [];
                var detected = landmarks.Count >= 2 ? new DetectedFace(box, landmarks, face.Score ?? 1) : DetectedFace.FromRegion(box);
                var embedding = embedder.Embed(image, detected, ct);
                // Detected faces pass the quality filter again (sharpness is the new network's crop); regions were vouched for.
                result[face.FaceId] = (embedding.Vector, face.Detected ? settings.Quality.IsClusterable(detected, embedding) : !embedding.IsEmpty);
            }

            return new RefreshOutcome(photo, result, null);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            return new RefreshOutcome(photo, new Dictionary<long, (float[], bool)>(), e.Message);
        }
    }

    /// <summary>Stores the new descriptors of faces still stale in the same photo version; returns how many were stored.</summary>
    public async Task<int> SaveAsync(RefreshOutcome outcome, CancellationToken ct)
    {
        if (outcome.Descriptors.Count == 0)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var bytes = Bytes;
        var ids = outcome.Descriptors.Keys.ToList();
        var hash = outcome.Photo.ContentHash;
        // Still stale, and the photo unchanged: a re-analysis or a user edit meanwhile wins.
        var faces = await db.Faces.Where(f => ids.Contains(f.Id) && f.ItemId == outcome.Photo.ItemId && (f.Embedding == null || f.Embedding.Length != bytes)
            && db.MediaItems.Any(i => i.Id == f.ItemId && i.ContentHash == hash)).ToListAsync(ct);
        foreach (var face in faces)
        {
            var (vector, clusterable) = outcome.Descriptors[face.Id];
            face.Embedding = vector.Length == 0 ? null : FaceRecords.EncodeVector(vector);
            face.Clusterable = clusterable;
        }

        await db.SaveChangesAsync(ct);
        return faces.Count;
    }

    private string? PreviewPath(StalePhoto photo)
    {
        try
        {
            return media?.ThumbnailPath(photo.ContentHash, ThumbnailSize.Preview);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Faces of analysed photos (current version, no error) whose descriptor has another size than the current
    /// embedder's, and boxed regions (sidecar, hand-drawn) without one. Detected faces without a descriptor stay
    /// without: the quality filter found them not worth one.
    /// </summary>
    private static IQueryable<Face> Stale(FolderPrismDbContext db, int bytes, IReadOnlyCollection<Guid> skip) =>
        db.Faces.AsNoTracking().Where(f =>
            ((f.Embedding != null && f.Embedding.Length != bytes) ||
             (f.Embedding == null && f.Source != AssociationSource.Recognition && f.Width < 1 && f.Height < 1))
            && !skip.Contains(f.ItemId)
            && db.MediaItems.Any(i => i.Id == f.ItemId && i.Kind == MediaKind.Image && i.State == ItemState.Present && i.TrashedAt == null &&
                !i.IsDamaged && i.ThumbnailState == ThumbnailState.Ready && i.ContentHash != null &&
                db.VisionStates.Any(v => v.ItemId == i.Id && v.ContentHash == i.ContentHash && v.Error == null)));
}
