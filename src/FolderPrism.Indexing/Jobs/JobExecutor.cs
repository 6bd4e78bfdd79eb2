using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// Runs one claimed job: analysis (via <see cref="IMediaAnalyzer"/>) or derivatives (via <see cref="IMediaProcessor"/>).
/// Every failure is caught and recorded on the job — nothing a file contains can take the daemon down.
/// </summary>
public sealed class JobExecutor(
    IDbContextFactory<FolderPrismDbContext> factory,
    IMediaAnalyzer analyzer,
    IMediaProcessor processor,
    AnalysisApplier applier,
    Import.NearDuplicateLinker linker,
    JobQueue queue,
    IndexWriteGate gate,
    IOptions<LibraryOptions> library,
    ILogger<JobExecutor> logger)
{
    /// <param name="job">The claimed job.</param>
    /// <param name="item">Its item as read when claimed (untracked), or null when it is gone.</param>
    /// <param name="cancellationToken">Shutdown: the job is given back without counting the attempt.</param>
    public async Task<JobOutcome> RunAsync(ClaimedJob job, MediaItem? item, CancellationToken cancellationToken)
    {
        var path = item?.RelativePath;
        try
        {
            if (item is null || item.State == ItemState.Missing)
            {
                await queue.CompleteAsync(job, cancellationToken);
                return new JobOutcome(job.Id, job.Kind, path, JobResult.Skipped, null);
            }

            var full = LibraryPaths.ToFull(library.Value.OriginalsPath, item.RelativePath);
            var result = job.Kind switch
            {
                JobKind.Analyze => await AnalyzeAsync(job, full, cancellationToken),
                JobKind.Derivatives => await DerivativesAsync(item, full, cancellationToken),
                _ => JobResult.Skipped, // faces/labels arrive with their own issue
            };
            await queue.CompleteAsync(job, cancellationToken);
            // A new hash, size or date queued the item for near-duplicate matching (the triggers did): link it now, so
            // the Duplicates view is current when the item's jobs are done. One batch: a backlog is the runner's to drain.
            await linker.DrainAsync(cancellationToken, maxBatches: 1);
            return new JobOutcome(job.Id, job.Kind, path, result, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await queue.ReleaseAsync(job, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // The file vanished under us; the watcher or the next reconcile records that.
            await queue.CompleteAsync(job, CancellationToken.None);
            return new JobOutcome(job.Id, job.Kind, path, JobResult.Skipped, ex.Message);
        }
        catch (Exception ex)
        {
            var message = $"{ex.GetType().Name}: {ex.Message}";
            var quarantined = await queue.FailAsync(job, message, CancellationToken.None);
            if (quarantined)
            {
                logger.LogError(ex, "Quarantined {Path} after {Attempts} attempts ({Kind})", path, job.Attempts, job.Kind);
            }
            else
            {
                logger.LogWarning(ex, "{Kind} of {Path} failed (attempt {Attempts}); will retry", job.Kind, path, job.Attempts);
            }

            return new JobOutcome(job.Id, job.Kind, path, quarantined ? JobResult.Quarantined : JobResult.Failed, message);
        }
    }

    private async Task<JobResult> AnalyzeAsync(ClaimedJob job, string full, CancellationToken cancellationToken)
    {
        if (!File.Exists(full))
        {
            return JobResult.Skipped;
        }

        var analysis = await analyzer.AnalyzeAsync(full, cancellationToken);
        await applier.ApplyAsync(job.ItemId, analysis, cancellationToken);
        queue.Notify(); // a derivatives job may have been queued
        return analysis.IsDamaged ? JobResult.Damaged : JobResult.Succeeded;
    }

    private async Task<JobResult> DerivativesAsync(MediaItem item, string full, CancellationToken cancellationToken)
    {
        if (item.ContentHash is null || item.Kind == MediaKind.Unknown || !File.Exists(full))
        {
            return JobResult.Skipped;
        }

        MediaDerivatives? derivatives = null;
        string? damage = null;
        try
        {
            derivatives = await processor.ProcessAsync(full, item.ContentHash, item.Kind, cancellationToken);
        }
        catch (MediaDecodeException ex)
        {
            damage = ex.Message;
        }

        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.MediaItems.SingleOrDefaultAsync(i => i.Id == item.Id, cancellationToken);
        if (row is null || row.ContentHash != item.ContentHash)
        {
            return JobResult.Skipped; // re-analysed meanwhile; a newer derivatives job follows
        }

        row.DerivativesAt = DateTimeOffset.UtcNow;
        if (derivatives is not null)
        {
            row.PerceptualHash = derivatives.PerceptualHash is { } p ? unchecked((long)p) : null;
            row.ThumbnailState = ThumbnailState.Ready;
        }
        else
        {
            row.IsDamaged = true;
            row.DamageReason = damage;
            row.ThumbnailState = ThumbnailState.Failed;
        }

        await db.SaveChangesAsync(cancellationToken);
        return derivatives is null ? JobResult.Damaged : JobResult.Succeeded;
    }
}
