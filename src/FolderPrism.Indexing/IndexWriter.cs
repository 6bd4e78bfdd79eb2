using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Indexing.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing;

/// <summary>
/// Applies what the watcher and the reconciler saw on disk to the index, in short batched transactions: new and
/// changed files (queued for analysis), vanished files (marked missing, keeping identity for a while), renames and
/// directory renames (the item Id is kept), and sidecar changes (their photo is re-analysed).
/// </summary>
public sealed class IndexWriter(
    IDbContextFactory<FolderPrismDbContext> factory,
    IndexWriteGate gate,
    JobQueue queue,
    IOptions<IndexingOptions> options,
    IOptions<LibraryOptions> library,
    ILogger<IndexWriter> logger)
{
    private string Originals => library.Value.OriginalsPath;

    /// <summary>Upserts observed files; returns how many were new or changed (queued for analysis).</summary>
    public async Task<int> ApplyObservationsAsync(
        IReadOnlyList<FileObservation> observations, bool forceAnalyze, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var chunk in observations.Chunk(Math.Max(1, options.Value.BatchSize)))
        {
            using var _ = await gate.EnterAsync(cancellationToken);
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var paths = chunk.Select(o => o.RelativePath).ToList();
            var existing = await db.MediaItems.Where(i => paths.Contains(i.RelativePath))
                .ToDictionaryAsync(i => i.RelativePath, StringComparer.Ordinal, cancellationToken);
            var fresh = new List<Guid>();
            var changed = new List<Guid>();
            var now = DateTimeOffset.UtcNow;
            foreach (var o in chunk)
            {
                if (!existing.TryGetValue(o.RelativePath, out var item))
                {
                    item = new MediaItem
                    {
                        Id = Guid.CreateVersion7(), RelativePath = o.RelativePath, Size = o.Size,
                        ModifiedUtc = o.ModifiedUtc, FirstSeenAt = now,
                    };
                    db.MediaItems.Add(item);
                    existing[o.RelativePath] = item;
                    fresh.Add(item.Id);
                    continue;
                }

                var contentChanged = item.Size != o.Size || item.ModifiedUtc.Ticks != o.ModifiedUtc.Ticks;
                var cameBack = item.State == ItemState.Missing;
                if (cameBack)
                {
                    item.State = ItemState.Present;
                    item.MissingSince = null;
                }

                if (contentChanged || forceAnalyze)
                {
                    item.Size = o.Size;
                    item.ModifiedUtc = o.ModifiedUtc;
                    item.QuarantineReason = null;
                    item.QuarantinedAt = null;
                    changed.Add(item.Id);
                }
                else if (cameBack || item.AnalyzedAt is null)
                {
                    fresh.Add(item.Id); // quarantined stays quarantined: nothing changed
                }
            }

            var n = await JobQueue.EnqueueAsync(db, fresh, JobKind.Analyze, resetQuarantine: false, cancellationToken);
            n += await JobQueue.EnqueueAsync(db, changed, JobKind.Analyze, resetQuarantine: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            queued += n;
        }

        if (queued > 0)
        {
            queue.Notify();
        }

        return queued;
    }

    /// <summary>Marks the items at these paths (files, or everything under a directory) missing and drops their jobs.</summary>
    public async Task<int> MarkMissingAsync(IReadOnlyList<string> relativePaths, CancellationToken cancellationToken)
    {
        var marked = 0;
        foreach (var chunk in relativePaths.Chunk(Math.Max(1, options.Value.BatchSize)))
        {
            using var _ = await gate.EnterAsync(cancellationToken);
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var ids = new List<Guid>();
            foreach (var path in chunk)
            {
                // Re-check the disk inside the gate: a create may have won the race since the event was seen.
                var full = LibraryPaths.ToFull(Originals, path);
                if (File.Exists(full) || Directory.Exists(full))
                {
                    continue;
                }

                var items = await db.MediaItems.Where(i => i.State == ItemState.Present && i.RelativePath == path)
                    .ToListAsync(cancellationToken);
                items.AddRange(await db.MediaItems.UnderFolder(path).Where(i => i.State == ItemState.Present).ToListAsync(cancellationToken));
                foreach (var item in items)
                {
                    item.State = ItemState.Missing;
                    item.MissingSince = now;
                    ids.Add(item.Id);
                }
            }

            await db.IndexJobs.Where(j => ids.Contains(j.ItemId) && j.State != JobState.Started).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            marked += ids.Count;
        }

        if (marked > 0)
        {
            logger.LogInformation("Marked {Count} vanished items missing", marked);
        }

        return marked;
    }

    /// <summary>
    /// Moves a file's or directory's items to the new path, keeping their Ids. Returns false when nothing indexed was
    /// at the old path (the caller then treats the new path as a new file or folder).
    /// </summary>
    public async Task<bool> RenameAsync(string oldRelative, string newRelative, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        bool renamed;
        if (Directory.Exists(LibraryPaths.ToFull(Originals, newRelative)))
        {
            renamed = await RenameDirectoryAsync(db, oldRelative, newRelative, cancellationToken);
        }
        else
        {
            var item = await db.MediaItems.SingleOrDefaultAsync(i => i.RelativePath == oldRelative, cancellationToken);
            renamed = item is not null;
            if (item is not null)
            {
                // A rename over an existing file replaces it: the overwritten item ends here.
                await db.MediaItems.Where(i => i.RelativePath == newRelative && i.Id != item.Id).ExecuteDeleteAsync(cancellationToken);
                item.RelativePath = newRelative;
                item.State = ItemState.Present;
                item.MissingSince = null;
            }

            await db.ItemSidecars.Where(s => s.RelativePath == oldRelative)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RelativePath, newRelative), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        if (renamed)
        {
            logger.LogInformation("Renamed {Old} -> {New} in the index", oldRelative, newRelative);
        }

        return renamed;
    }

    /// <summary>Re-analyses the photos a sidecar belongs to: those recorded as using it, and same-folder files whose
    /// name starts with the sidecar's stem (covers new sidecars and Takeout's truncated JSON names).</summary>
    public async Task<int> RequeueSidecarOwnersAsync(string sidecarRelative, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var owners = await db.ItemSidecars.Where(s => s.RelativePath == sidecarRelative).Select(s => s.ItemId)
            .ToListAsync(cancellationToken);
        var folder = LibraryPaths.Parent(sidecarRelative);
        var name = LibraryPaths.FileName(sidecarRelative);
        var dot = name.IndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        var inFolder = folder is null ? db.MediaItems.Where(i => !i.RelativePath.Contains('/')) : db.MediaItems.UnderFolder(folder);
        var candidates = await inFolder.Where(i => i.State == ItemState.Present)
            .Select(i => new { i.Id, i.RelativePath }).ToListAsync(cancellationToken);
        owners.AddRange(candidates
            .Where(c => LibraryPaths.Parent(c.RelativePath) == folder &&
                        LibraryPaths.FileName(c.RelativePath).StartsWith(stem, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Id));
        owners = owners.Distinct().ToList();
        await JobQueue.EnqueueAsync(db, owners, JobKind.Analyze, resetQuarantine: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (owners.Count > 0)
        {
            queue.Notify();
        }

        return owners.Count;
    }

    private static async Task<bool> RenameDirectoryAsync(
        FolderPrismDbContext db, string oldRelative, string newRelative, CancellationToken cancellationToken)
    {
        var newPrefix = newRelative + "/";
        var cut = oldRelative.Length + 1;
        // Leftover rows of files that once lived at the destination cannot be there any more.
        await db.MediaItems.UnderFolder(newRelative).Where(i => i.State == ItemState.Missing).ExecuteDeleteAsync(cancellationToken);
        var moved = await db.MediaItems.UnderFolder(oldRelative)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RelativePath, i => newPrefix + i.RelativePath.Substring(cut)),
                cancellationToken);
        await db.ItemSidecars.UnderFolder(oldRelative)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RelativePath, x => newPrefix + x.RelativePath.Substring(cut)),
                cancellationToken);
        return moved > 0;
    }
}
