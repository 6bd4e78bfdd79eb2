using FolderPrism.Core.Media;
using FolderPrism.Data;
using FolderPrism.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// Finds the near-duplicate pairs of the items the <c>MediaItems</c> triggers queued (new or changed perceptual hash,
/// size or date; every hashed image of an upgraded library) and stores them, so the Duplicates view joins stored pairs
/// instead of comparing photos per request. Candidates come from the band table by seek (pigeonhole: within
/// <see cref="NearDuplicateRule.MaxIndexedDistance"/> bits two hashes share a band), then import's own
/// <see cref="NearDuplicateRule"/> decides. Run after every index job, after an import indexes a file, and when the
/// job runner starts (the upgrade backfill); each batch is one short transaction under the index write gate.
/// </summary>
public sealed class NearDuplicateLinker(
    IDbContextFactory<FolderPrismDbContext> factory, IndexWriteGate gate, IOptions<ImportOptions> options, ILogger<NearDuplicateLinker> logger)
{
    private const int Batch = 16;

    // Links per item at most to its closest candidates: images with one shared hash (black frames, blank screenshots,
    // a burst of the same scene) would otherwise store every pair of the set, n² rows. Such a set stays one group: the
    // view follows pairs from item to item, and each item links to members already there.
    private const int MaxLinks = 32;

    /// <summary>
    /// Links queued items until the queue is empty or <paramref name="maxBatches"/> batches are done; never throws but
    /// for cancellation (the queue stays for the next call). An index job links one batch only, so a long backlog (an
    /// upgraded library) never stalls a job worker; the job runner drains the backlog beside the pool.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken, int maxBatches = int.MaxValue)
    {
        try
        {
            await using (var probe = await factory.CreateDbContextAsync(cancellationToken))
            {
                if (!await probe.Set<NearDuplicatePending>().AnyAsync(cancellationToken))
                {
                    return;
                }
            }

            for (var batch = 0; batch < maxBatches && await LinkBatchAsync(cancellationToken); batch++)
            {
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Near-duplicate linking failed; the queued items are retried after the next index job");
        }
    }

    /// <summary>Links up to <see cref="Batch"/> queued items in one transaction; false when the queue was empty.</summary>
    private async Task<bool> LinkBatchAsync(CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.Set<NearDuplicatePending>().Select(p => p.ItemId).Take(Batch).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return false;
        }

        foreach (var id in ids)
        {
            await LinkAsync(db, id, cancellationToken);
        }

        await db.Set<NearDuplicatePending>().Where(p => ids.Contains(p.ItemId)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task LinkAsync(FolderPrismDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var self = (await PhotoVersions.LoadAsync(db.MediaItems.Where(i => i.Id == id && i.Kind == MediaKind.Image), cancellationToken))
            .SingleOrDefault();
        if (self is null)
        {
            return;
        }

        var bands = db.Set<PerceptualBand>();
        if (await bands.AsNoTracking().SingleOrDefaultAsync(b => b.ItemId == id, cancellationToken) is not { } own)
        {
            return;
        }

        var candidates = await bands.AsNoTracking()
            .Where(b => b.B0 == own.B0 || b.B1 == own.B1 || b.B2 == own.B2 || b.B3 == own.B3 || b.B4 == own.B4 || b.B5 == own.B5 || b.B6 == own.B6)
            .Where(b => b.ItemId != id)
            .Select(b => new { b.ItemId, b.Hash })
            .ToListAsync(cancellationToken);
        var close = candidates
            .Select(c => (c.ItemId, Distance: PerceptualHash.Distance(unchecked((ulong)c.Hash), self.PerceptualHash)))
            .Where(c => c.Distance <= options.Value.NearDuplicateDistance)
            .OrderBy(c => c.Distance)
            .Take(MaxLinks)
            .Select(c => c.ItemId).ToList();
        if (close.Count == 0)
        {
            return;
        }

        var known = await db.Set<NearDuplicatePair>().Where(p => p.ItemId == id).Select(p => p.OtherId).ToListAsync(cancellationToken);
        var others = await PhotoVersions.LoadAsync(
            db.MediaItems.Where(i => close.Contains(i.Id) && i.Kind == MediaKind.Image), cancellationToken);
        foreach (var other in others.Where(o => !known.Contains(o.ItemId!.Value)))
        {
            if (NearDuplicateRule.Distance(other, self, options.Value) is not null)
            {
                db.Add(new NearDuplicatePair { ItemId = id, OtherId = other.ItemId!.Value });
                db.Add(new NearDuplicatePair { ItemId = other.ItemId!.Value, OtherId = id });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
