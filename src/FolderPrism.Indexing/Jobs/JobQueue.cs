using System.Globalization;
using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// The persistent work queue in SQLite. A job is marked started (attempts+1) in its own committed transaction before
/// any work, so a crash during work is counted as a failed attempt at the next start; after
/// <see cref="IndexingOptions.MaxAttempts"/> the file is quarantined and the daemon cannot crash-loop on it.
/// </summary>
public sealed class JobQueue(
    IDbContextFactory<FolderPrismDbContext> factory,
    IOptions<DataOptions> data,
    JobSignal signal,
    IOptions<IndexingOptions> options,
    ILogger<JobQueue> logger)
{
    private static readonly DateTimeOffsetToBinaryConverter NotBeforeConverter = new();

    /// <summary>Adds or re-requests jobs inside the caller's unit of work. A quarantined job is only revived when
    /// <paramref name="resetQuarantine"/> is set (the file changed, or the user asked for a rescan).</summary>
    /// <returns>How many jobs are now waiting (quarantined ones left alone are not counted).</returns>
    public static async Task<int> EnqueueAsync(
        FolderPrismDbContext db, IReadOnlyCollection<Guid> itemIds, JobKind kind, bool resetQuarantine,
        CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0)
        {
            return 0;
        }

        var now = DateTimeOffset.UtcNow;
        var ids = itemIds.Distinct().ToList();
        var existing = await db.IndexJobs.Where(j => ids.Contains(j.ItemId) && j.Kind == kind)
            .ToDictionaryAsync(j => j.ItemId, cancellationToken);
        var queued = 0;
        foreach (var id in ids)
        {
            if (!existing.TryGetValue(id, out var job))
            {
                db.IndexJobs.Add(new IndexJob { ItemId = id, Kind = kind, State = JobState.Pending, NotBefore = now, CreatedAt = now });
                queued++;
                continue;
            }

            if (job.State == JobState.Quarantined && !resetQuarantine)
            {
                continue;
            }

            queued++;
            job.Version++;
            if (resetQuarantine)
            {
                job.Attempts = 0;
                job.LastError = null;
            }

            if (job.State != JobState.Started)
            {
                job.State = JobState.Pending;
                job.NotBefore = now;
            }
        }

        return queued;
    }

    public void Notify() => signal.Notify();

    /// <summary>Start-up recovery: jobs left "started" were interrupted by a crash or kill — a failed attempt each.</summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var max = options.Value.MaxAttempts;
        var interrupted = await db.IndexJobs.Where(j => j.State == JobState.Started).ToListAsync(cancellationToken);
        if (interrupted.Count == 0)
        {
            return 0;
        }

        var quarantinedItems = new List<(Guid ItemId, string Reason)>();
        foreach (var job in interrupted)
        {
            job.LastError = $"interrupted: the process stopped during {job.Kind} (crash, kill or power loss), attempt {job.Attempts}";
            job.StartedAt = null;
            if (job.Attempts >= max)
            {
                job.State = JobState.Quarantined;
                quarantinedItems.Add((job.ItemId, job.LastError));
            }
            else
            {
                job.State = JobState.Pending;
            }
        }

        await QuarantineItemsAsync(db, quarantinedItems, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Recovered {Count} interrupted jobs ({Quarantined} quarantined after {Max} attempts)",
            interrupted.Count, quarantinedItems.Count, max);
        return interrupted.Count;
    }

    /// <summary>Pending jobs that may run now (analysis before thumbnails), excluding those already handed out.</summary>
    public async Task<List<long>> ListRunnableAsync(
        int limit, IReadOnlyCollection<long> exclude, bool ignoreBackoff, CancellationToken cancellationToken)
    {
        // The daemon's idle poll (every few seconds, forever): plain SQL, see SqliteReads. Same order as EF's
        // (Kind, then Id); NotBefore is stored by EF's DateTimeOffsetToBinaryConverter, so "now" is converted by it too.
        await using var connection = await SqliteReads.OpenAsync(data.Value.DatabasePath, cancellationToken);
        await using var command = connection.CreateCommand();
        var excluded = exclude.Count == 0
            ? string.Empty
            : " AND Id NOT IN (" + string.Join(',', exclude.Select(id => id.ToString(CultureInfo.InvariantCulture))) + ")";
        command.CommandText = "SELECT Id FROM IndexJobs WHERE State = $pending AND ($ignore OR NotBefore <= $now)" + excluded +
                              " ORDER BY Kind, Id LIMIT $limit";
        command.Parameters.AddWithValue("$pending", (int)JobState.Pending);
        command.Parameters.AddWithValue("$ignore", ignoreBackoff);
        command.Parameters.AddWithValue("$now", NotBeforeConverter.ConvertToProvider(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<long>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Jobs not yet finished nor quarantined (pending or started).</summary>
    public async Task<int> CountOutstandingAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.IndexJobs.CountAsync(j => j.State != JobState.Quarantined, cancellationToken);
    }

    /// <summary>Durably marks the job started and counts the attempt, and reads its item (null when gone) in the same
    /// connection; returns null when another worker took the job or it no longer exists.</summary>
    public async Task<(ClaimedJob Job, MediaItem? Item)?> ClaimAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var claimed = await db.IndexJobs.Where(j => j.Id == jobId && j.State == JobState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Started)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.StartedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var job = await db.IndexJobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new ClaimedJob(j.Id, j.ItemId, j.Kind, j.Version, j.Attempts))
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return null;
        }

        var item = await db.MediaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == job.ItemId, cancellationToken);
        return (job, item);
    }

    /// <summary>Finishes a job; if it was re-requested while running (newer version), it goes back to pending.</summary>
    public async Task CompleteAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.IndexJobs.Where(j => j.Id == job.Id && j.Version == job.Version)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            await RequeueAsync(db, job.Id, resetAttempts: true, cancellationToken);
        }
    }

    /// <summary>Gives a job back without counting the attempt (orderly shutdown).</summary>
    public async Task ReleaseAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.IndexJobs.Where(j => j.Id == job.Id && j.State == JobState.Started)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Pending)
                .SetProperty(j => j.Attempts, j => j.Attempts > 0 ? j.Attempts - 1 : 0)
                .SetProperty(j => j.StartedAt, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Records a failure: retried later with back-off, or quarantined after too many attempts.</summary>
    public async Task<bool> FailAsync(ClaimedJob job, string error, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.IndexJobs.SingleOrDefaultAsync(j => j.Id == job.Id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        error = error.Length > 3900 ? error[..3900] : error;
        row.LastError = error;
        row.StartedAt = null;
        var quarantined = false;
        if (row.Version != job.Version)
        {
            row.State = JobState.Pending; // the file changed meanwhile: fresh start
            row.Attempts = 0;
            row.NotBefore = DateTimeOffset.UtcNow;
        }
        else if (row.Attempts >= options.Value.MaxAttempts)
        {
            row.State = JobState.Quarantined;
            await QuarantineItemsAsync(db, [(row.ItemId, $"{row.Kind} failed {row.Attempts} times: {error}")], cancellationToken);
            quarantined = true;
        }
        else
        {
            row.State = JobState.Pending;
            row.NotBefore = DateTimeOffset.UtcNow + options.Value.RetryBackoff * Math.Pow(2, row.Attempts - 1);
        }

        await db.SaveChangesAsync(cancellationToken);
        return quarantined;
    }

    private static async Task RequeueAsync(FolderPrismDbContext db, long jobId, bool resetAttempts, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await db.IndexJobs.Where(j => j.Id == jobId && j.State == JobState.Started)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Pending)
                .SetProperty(j => j.Attempts, j => resetAttempts ? 0 : j.Attempts)
                .SetProperty(j => j.StartedAt, (DateTimeOffset?)null)
                .SetProperty(j => j.NotBefore, now), cancellationToken);
    }

    private static async Task QuarantineItemsAsync(
        FolderPrismDbContext db, IReadOnlyList<(Guid ItemId, string Reason)> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var ids = items.Select(i => i.ItemId).ToList();
        var rows = await db.MediaItems.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var (itemId, reason) in items)
        {
            if (rows.TryGetValue(itemId, out var item))
            {
                item.QuarantineReason = reason.Length > 4000 ? reason[..4000] : reason;
                item.QuarantinedAt = DateTimeOffset.UtcNow;
            }
        }
    }
}
