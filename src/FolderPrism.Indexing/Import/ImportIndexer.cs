using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using FolderPrism.Indexing.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// Makes an imported file known to the index at once, with the analysis import already made at the source — which
/// includes what the Takeout JSON said (that JSON is not copied, so a later re-analysis in <c>Originals/</c> could not
/// see it): the row is created, the analysis applied (with the perceptual hash import computed), and the redundant analysis
/// job dropped. Thumbnails follow via the derivatives job the applier queues, unless import already made them.
/// </summary>
public sealed class ImportIndexer(IDbContextFactory<FolderPrismDbContext> factory, IndexWriter writer, AnalysisApplier applier,
    NearDuplicateLinker linker)
{
    public async Task<Guid> IndexAsync(
        string relativePath, MediaAnalysis analysis, PixelCheck? pixels, CancellationToken cancellationToken)
    {
        await writer.ApplyObservationsAsync([new FileObservation(relativePath, analysis.Size, analysis.ModifiedUtc)], forceAnalyze: false, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var id = await db.MediaItems.Where(i => i.RelativePath == relativePath).Select(i => i.Id).SingleAsync(cancellationToken);
        await applier.ApplyAsync(id, analysis, cancellationToken);
        // The applier may have adopted a vanished twin's identity for this path: look the row up again.
        id = await db.MediaItems.Where(i => i.RelativePath == relativePath).Select(i => i.Id).SingleAsync(cancellationToken);
        await db.IndexJobs.Where(j => j.ItemId == id && j.Kind == JobKind.Analyze && j.State != JobState.Started)
            .ExecuteDeleteAsync(cancellationToken);
        if (analysis.Albums.Count > 0)
        {
            await ImportAlbums.KeepAsync(db, id, cancellationToken);
        }

        if (pixels?.Thumbnails is not null)
        {
            // The full processor ran at import (video, HEIC, RAW): the thumbnails are in the cache already.
            var hash = pixels.PerceptualHash is { } p ? unchecked((long)p) : (long?)null;
            var now = DateTimeOffset.UtcNow;
            await db.MediaItems.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.PerceptualHash, hash).SetProperty(i => i.ThumbnailState, ThumbnailState.Ready)
                .SetProperty(i => i.DerivativesAt, now), cancellationToken);
            await db.IndexJobs.Where(j => j.ItemId == id && j.Kind == JobKind.Derivatives && j.State != JobState.Started)
                .ExecuteDeleteAsync(cancellationToken);
        }
        else if (pixels?.PerceptualHash is { } reduced)
        {
            // Reduced decode only: the perceptual hash is known now (for the next near-duplicate check); the queued
            // derivatives job makes the thumbnails in the background.
            var hash = unchecked((long)reduced);
            await db.MediaItems.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.PerceptualHash, hash), cancellationToken);
        }

        // The hash queued the item for near-duplicate matching: an imported photo groups with its library versions at once
        // (one batch: a backlog is the job runner's to drain).
        await linker.DrainAsync(cancellationToken, maxBatches: 1);
        return id;
    }

    /// <summary>True when the index already has this path with these bytes analysed (a replayed step is then a no-op).</summary>
    public async Task<bool> IsIndexedAsync(string relativePath, string contentHash, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AnyAsync(
            i => i.RelativePath == relativePath && i.ContentHash == contentHash && i.AnalyzedAt != null && i.State == ItemState.Present,
            cancellationToken);
    }
}
