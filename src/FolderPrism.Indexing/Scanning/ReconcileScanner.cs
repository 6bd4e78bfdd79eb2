using System.Diagnostics;
using System.Globalization;
using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Core.Threading;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Scanning;

/// <summary>
/// Compares the disk with the index (size + mtime; the hash is only recomputed by analysis of what changed) and fixes
/// the difference. Runs after watcher overflow/errors, after downtime (start-up, in the background), on a schedule,
/// for a newly appeared folder, and for <c>folderprism index</c>.
/// </summary>
public sealed class ReconcileScanner(
    IDbContextFactory<FolderPrismDbContext> factory,
    IndexWriter writer,
    IgnoreRules ignore,
    IOptions<IndexingOptions> options,
    IOptions<LibraryOptions> library,
    ILogger<ReconcileScanner> logger)
{
    public const string LastReconcileMarker = "LastFullReconcile";
    public const string LastReconcileSummaryMarker = "LastFullReconcileSummary";

    /// <param name="subtree">Relative folder to reconcile, or null for all of <c>Originals/</c>.</param>
    /// <param name="forceAnalyze">Re-analyse every file even if unchanged (<c>index --rescan</c>).</param>
    /// <param name="cancellationToken">Aborts the scan; what was applied so far stays.</param>
    public async Task<ReconcileResult> ScanAsync(string? subtree, bool forceAnalyze, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var originals = library.Value.OriginalsPath;
        Directory.CreateDirectory(originals);
        var root = subtree is null ? originals : LibraryPaths.ToFull(originals, subtree);
        var since = subtree is null ? await ReadLastReconcileAsync(cancellationToken) : null;
        if (subtree is null && options.Value.ReleaseMappedPagesAfterJobs > 0)
        {
            // What ran before (at start-up: EF Core's model and migrations, DI, Kestrel's start) is not needed for the
            // walk; measured, the start-up reconcile of a 10,000-file tree is the daemon's peak otherwise.
            MappedFiles.ReleaseColdPages();
        }

        // The disk is streamed and applied a batch at a time: a 10,000-file folder never sits in memory as FileInfo
        // objects or observations (they die young instead of being promoted while the rest of the walk runs).
        var known = await LoadKnownAsync(subtree, cancellationToken);
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var onDisk = new HashSet<string>(StringComparer.Ordinal);
        var sidecars = new List<string>();
        var toApply = new List<FileObservation>(batchSize);
        var queued = 0;
        if (Directory.Exists(root))
        {
            foreach (var file in Walk(originals, new DirectoryInfo(root), sidecars, since, cancellationToken))
            {
                onDisk.Add(file.RelativePath);
                if (forceAnalyze || !known.TryGetValue(file.RelativePath, out var row) || row.State == ItemState.Missing ||
                    !row.Analyzed || row.Size != file.Size || row.ModifiedTicks != file.ModifiedUtc.Ticks)
                {
                    toApply.Add(file);
                    if (toApply.Count >= batchSize)
                    {
                        queued += await writer.ApplyObservationsAsync(toApply, forceAnalyze, cancellationToken);
                        toApply.Clear();
                    }
                }
            }
        }

        queued += await writer.ApplyObservationsAsync(toApply, forceAnalyze, cancellationToken);
        var gone = known.Where(k => k.Value.State == ItemState.Present && !onDisk.Contains(k.Key)).Select(k => k.Key).ToList();
        var missing = await writer.MarkMissingAsync(gone, cancellationToken);
        var requeued = 0;
        foreach (var sidecar in sidecars)
        {
            requeued += await writer.RequeueSidecarOwnersAsync(sidecar, cancellationToken);
        }

        var purged = 0;
        if (subtree is null)
        {
            purged = await PurgeMissingAsync(cancellationToken);
        }

        var result = new ReconcileResult(onDisk.Count, queued, missing, purged, requeued, clock.Elapsed);
        if (subtree is null)
        {
            await WriteMarkersAsync(result, cancellationToken);
            NativeHeap.ReleaseAfterBurst();
            if (options.Value.ReleaseMappedPagesAfterJobs > 0)
            {
                // The walk and the bulk writes ran code the queued jobs will not.
                MappedFiles.ReleaseColdPages();
            }
        }

        logger.LogInformation(
            "Reconciled {Root}: {Files} files, {Queued} queued, {Missing} missing, {Purged} purged, {Sidecars} sidecar owners re-queued in {Elapsed}",
            subtree ?? "Originals", result.FilesOnDisk, queued, missing, purged, requeued, clock.Elapsed);
        return result;
    }

    /// <summary>Files under <paramref name="directory"/>, depth first, as the directory is read (not listed whole
    /// first); sidecars changed since <paramref name="since"/> are collected on the side.</summary>
    private IEnumerable<FileObservation> Walk(
        string originals, DirectoryInfo directory, List<string> sidecars, DateTime? since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var enumeration = new EnumerationOptions
        {
            IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint, RecurseSubdirectories = false,
        };
        IEnumerator<FileSystemInfo> entries;
        try
        {
            entries = directory.EnumerateFileSystemInfos("*", enumeration).GetEnumerator();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Cannot list {Directory}: {Message}", directory.FullName, ex.Message);
            yield break;
        }

        using (entries)
        {
            while (NextEntry(entries, directory) is { } entry)
            {
                if (IgnoreRules.IsIgnoredName(entry.Name))
                {
                    continue;
                }

                var relative = LibraryPaths.ToRelative(originals, entry.FullName);
                if (ignore.IsIgnored(relative))
                {
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    foreach (var file in Walk(originals, sub, sidecars, since, cancellationToken))
                    {
                        yield return file;
                    }
                }
                else if (entry is FileInfo file)
                {
                    if (IgnoreRules.IsSidecar(relative))
                    {
                        if (since is null || file.LastWriteTimeUtc >= since)
                        {
                            sidecars.Add(relative);
                        }
                    }
                    else
                    {
                        yield return FileObservation.From(relative, file);
                    }
                }
            }
        }
    }

    /// <summary>The next entry, or null at the end or when the directory cannot be read further (logged).</summary>
    private FileSystemInfo? NextEntry(IEnumerator<FileSystemInfo> entries, DirectoryInfo directory)
    {
        try
        {
            return entries.MoveNext() ? entries.Current : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Cannot list {Directory}: {Message}", directory.FullName, ex.Message);
            return null;
        }
    }

    private async Task<Dictionary<string, KnownRow>> LoadKnownAsync(string? subtree, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.MediaItems.AsNoTracking();
        if (subtree is not null)
        {
            query = query.UnderFolder(subtree);
        }

        var rows = await query.Select(i => new { i.RelativePath, i.Size, i.ModifiedUtc, i.State, Analyzed = i.AnalyzedAt != null })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.RelativePath, r => new KnownRow(r.Size, r.ModifiedUtc.Ticks, r.State, r.Analyzed), StringComparer.Ordinal);
    }

    private async Task<int> PurgeMissingAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cutoff = DateTimeOffset.UtcNow - options.Value.MissingRetention;
        // Trashed items are missing from Originals/ on purpose (their file sits in the trash); only emptying the
        // trash may forget them, or a restore would lose the photo's tags, people and albums.
        return await db.MediaItems.Where(i => i.State == ItemState.Missing && i.MissingSince < cutoff && i.TrashedAt == null)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<DateTime?> ReadLastReconcileAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var marker = await db.IndexMarkers.AsNoTracking().SingleOrDefaultAsync(m => m.Name == LastReconcileMarker, cancellationToken);
        return marker?.Value is { } v && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.UtcDateTime - TimeSpan.FromMinutes(1) // small margin for clock granularity
            : null;
    }

    private async Task WriteMarkersAsync(ReconcileResult result, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var summary = $"{result.FilesOnDisk} files, {result.Queued} queued, {result.MarkedMissing} missing, {result.Purged} purged";
        foreach (var (name, value) in new[] { (LastReconcileMarker, now.ToString("O", CultureInfo.InvariantCulture)), (LastReconcileSummaryMarker, summary) })
        {
            var marker = await db.IndexMarkers.SingleOrDefaultAsync(m => m.Name == name, cancellationToken);
            if (marker is null)
            {
                db.IndexMarkers.Add(new IndexMarker { Name = name, Value = value, UpdatedAt = now });
            }
            else
            {
                marker.Value = value;
                marker.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record KnownRow(long Size, long ModifiedTicks, ItemState State, bool Analyzed);
}
