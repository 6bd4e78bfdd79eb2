using System.Globalization;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using FolderPrism.Indexing.Scanning;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Status;

/// <summary>Counts for status output: a handful of indexed COUNT queries, cheap even on 100,000 items.</summary>
public sealed class IndexStatusService(IDbContextFactory<FolderPrismDbContext> factory)
{
    public async Task<IndexStatusReport> GetAsync(int maxQuarantined, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var present = db.MediaItems.Where(i => i.State == ItemState.Present);
        var items = await present.CountAsync(cancellationToken);
        var missing = await db.MediaItems.CountAsync(i => i.State == ItemState.Missing, cancellationToken);
        var pending = await db.IndexJobs.CountAsync(j => j.State == JobState.Pending, cancellationToken);
        var running = await db.IndexJobs.CountAsync(j => j.State == JobState.Started, cancellationToken);
        var damaged = await present.CountAsync(i => i.IsDamaged, cancellationToken);
        var fileTime = await present.CountAsync(i => i.TakenSource == DateSource.FileTime, cancellationToken);
        var thumbs = await present.CountAsync(
            i => i.ThumbnailState == ThumbnailState.Pending && i.Kind != MediaKind.Unknown, cancellationToken);
        var quarantined = await present.Where(i => i.QuarantineReason != null)
            .OrderBy(i => i.RelativePath).Take(Math.Max(0, maxQuarantined))
            .Select(i => new QuarantinedFile(i.Id, i.RelativePath, i.QuarantineReason!, i.QuarantinedAt))
            .ToListAsync(cancellationToken);
        var markers = await db.IndexMarkers.AsNoTracking()
            .Where(m => m.Name == ReconcileScanner.LastReconcileMarker || m.Name == ReconcileScanner.LastReconcileSummaryMarker)
            .ToDictionaryAsync(m => m.Name, m => m.Value, cancellationToken);
        DateTimeOffset? last = markers.GetValueOrDefault(ReconcileScanner.LastReconcileMarker) is { } v &&
                               DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : null;
        return new IndexStatusReport(items, missing, pending, running, damaged, fileTime, thumbs, quarantined, last,
            markers.GetValueOrDefault(ReconcileScanner.LastReconcileSummaryMarker));
    }
}
