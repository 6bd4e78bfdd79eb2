using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Indexing.Metadata;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Indexing.Import;

/// <summary>The state of one import run: names reserved, hashes seen in the batch, report lines and progress.</summary>
internal sealed partial class ImportRun
{
    private readonly ImportEngine engine;
    private readonly ImportRequest request;
    private readonly Guid batchId;
    private readonly int filesTotal;
    private readonly long bytesTotal;
    private readonly List<ImportReportEntry> entries;
    private readonly IProgress<ImportProgress>? progress;
    private readonly DestinationPlanner planner;
    private readonly ImportPipeline pipeline;
    private readonly HashSet<ImportFile> reported = [];
    private readonly Dictionary<string, string> batchHashes = new(StringComparer.Ordinal);
    private int filesDone;
    private long bytesDone;

    public ImportRun(ImportEngine engine, ImportRequest request, Guid batchId, int filesTotal, long bytesTotal,
        List<ImportReportEntry> entries, IProgress<ImportProgress>? progress, ImportPipeline pipeline)
    {
        this.pipeline = pipeline;
        this.engine = engine;
        this.request = request;
        this.batchId = batchId;
        this.filesTotal = filesTotal;
        this.bytesTotal = bytesTotal;
        this.entries = entries;
        this.progress = progress;
        planner = new DestinationPlanner(engine.Originals, engine.Options.Pattern, PathTakenInIndex);
    }

    public async Task ImportGroupAsync(CompanionGroup group, CancellationToken cancellationToken)
    {
        var accepted = new List<(ImportFile File, MediaAnalysis Analysis, PixelCheck? Pixels)>();
        string? duplicateOfGroup = null;
        foreach (var file in group.Media)
        {
            var (analysis, pixels, verdict) = await JudgeAsync(file, cancellationToken);
            if (verdict is not null)
            {
                Report(file, verdict, analysis);
                duplicateOfGroup ??= verdict.DuplicateOf;
                continue;
            }

            accepted.Add((file, analysis!, pixels));
            batchHashes[analysis!.ContentHash] = ""; // claimed; the path is filled in once planned
        }

        var takeovers = await ResolveNearDuplicatesAsync(accepted, cancellationToken);
        if (accepted.Count == 0)
        {
            foreach (var xmp in group.Xmp)
            {
                Report(xmp, duplicateOfGroup is null
                    ? Entry(xmp, "rejected", message: "XMP sidecar without a photo to go with.")
                    : Entry(xmp, "duplicate", duplicateOf: duplicateOfGroup, message: "Sidecar of a duplicate photo; left in place."), null);
            }

            return;
        }

        // The primary names the group's folder: best-dated first, images before videos.
        var ordered = accepted.OrderBy(a => a.Analysis.TakenAt?.Source ?? DateSource.FileTime)
            .ThenBy(a => a.Analysis.Kind == MediaKind.Image ? 0 : 1).ThenBy(a => a.File.Name, StringComparer.Ordinal).ToList();
        var primary = ordered[0].Analysis;
        var names = ordered.Select(a => a.File.Name).Concat(group.Xmp.Select(x => x.Name)).ToList();
        var planned = planner.Plan(names, primary);

        // Sidecars first, so the photo is indexed with them in place.
        var sidecarTargets = new List<string>();
        for (var i = 0; i < group.Xmp.Count; i++)
        {
            var xmp = group.Xmp[i];
            var target = planned[ordered.Count + i];
            var hash = await ContentHasher.ComputeAsync(xmp.FullPath, cancellationToken);
            var size = new FileInfo(xmp.FullPath).Length;
            var result = await TransferAsync(xmp, target, hash, size, analysis: null, pixels: null, sidecars: [], cancellationToken);
            Report(xmp, result ?? Entry(xmp, "imported", path: target, taken: primary.TakenAt, bytes: size), null);
            if (result is null)
            {
                sidecarTargets.Add(LibraryPaths.ToFull(engine.Originals, target));
            }
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var (file, analysis, pixels) = ordered[i];
            var target = planned[i];
            var own = sidecarTargets.Where(s => ImportInputs.StemOf(Path.GetFileName(s))
                .Equals(ImportInputs.StemOf(Path.GetFileName(target)), StringComparison.OrdinalIgnoreCase)).ToList();
            var result = await TransferAsync(file, target, analysis.ContentHash, analysis.Size, analysis, pixels, own, cancellationToken);
            string? note = null;
            if (result is null)
            {
                (note, target) = await AfterImportedAsync(file, target, analysis, pixels, alone: names.Count == 1, takeovers, cancellationToken);
                await CarryTakeoutJsonAsync(file, analysis, target, cancellationToken);
                batchHashes[analysis.ContentHash] = target;
            }
            else
            {
                batchHashes.Remove(analysis.ContentHash);
                planner.Release(target);
            }

            Report(file, result ?? Entry(file, "imported", path: target, taken: analysis.TakenAt, damaged: analysis.IsDamaged, message: note, bytes: analysis.Size), analysis);
        }
    }

    /// <summary>Takes the file's prepared result (in input order) and decides what the batch and library make of it.</summary>
    private async Task<(MediaAnalysis? Analysis, PixelCheck? Pixels, ImportReportEntry? Verdict)> JudgeAsync(
        ImportFile file, CancellationToken cancellationToken)
    {
        var prepared = await pipeline.TakeAsync(file, cancellationToken);
        if (prepared.Verdict is not null)
        {
            return (prepared.Analysis, null, prepared.Verdict);
        }

        var analysis = prepared.Analysis!;
        var duplicateOf = await FindExactDuplicateAsync(analysis.ContentHash, cancellationToken);
        if (duplicateOf is not null)
        {
            await PassOnAlbumsAsync(duplicateOf, analysis.Albums, cancellationToken);
            return (analysis, null, Entry(file, "duplicate", duplicateOf: duplicateOf, taken: analysis.TakenAt,
                message: "Same bytes as a photo already in the library."));
        }

        if (prepared.PixelsDeferred)
        {
            // In the library when analysed, gone since (trashed or displaced meanwhile): decode now after all.
            var (pixels, verdict) = await engine.Preparer.CheckPixelsAsync(file, analysis, cancellationToken);
            return (analysis, pixels, verdict);
        }

        return (analysis, prepared.Pixels, null);
    }

    /// <summary>An exact copy found in a Takeout album folder still puts the kept photo in that album.</summary>
    private async Task PassOnAlbumsAsync(string keptPath, IReadOnlyList<string> albums, CancellationToken cancellationToken)
    {
        if (albums.Count == 0 || request.DryRun)
        {
            return;
        }

        await using var db = await engine.Factory.CreateDbContextAsync(cancellationToken);
        var keptId = await db.MediaItems.Where(i => i.RelativePath == keptPath).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(cancellationToken);
        if (keptId is { } id)
        {
            await ImportAlbums.LinkAsync(db, id, albums, cancellationToken);
        }
    }

    private async Task<string?> FindExactDuplicateAsync(string hash, CancellationToken cancellationToken)
    {
        if (batchHashes.TryGetValue(hash, out var inBatch))
        {
            return inBatch.Length > 0 ? inBatch : "(this batch)";
        }

        await using var db = await engine.Factory.CreateDbContextAsync(cancellationToken);
        var inLibrary = await db.MediaItems.Where(i => i.ContentHash == hash && i.State == ItemState.Present && i.TrashedAt == null)
            .OrderBy(i => i.RelativePath).Select(i => i.RelativePath).FirstOrDefaultAsync(cancellationToken);
        return inLibrary ?? await (from d in db.DisplacedVersions
                                   join i in db.MediaItems on d.KeptItemId equals i.Id
                                   where d.ContentHash == hash
                                   select i.RelativePath).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Puts one file in place through the journal; returns null on success or the report line of the failure.</summary>
    private async Task<ImportReportEntry?> TransferAsync(ImportFile file, string target, string hash, long size,
        MediaAnalysis? analysis, PixelCheck? pixels, IReadOnlyList<string> sidecars, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? afterPlaced = null)
    {
        if (request.DryRun)
        {
            return null;
        }

        var destination = LibraryPaths.ToFull(engine.Originals, target);
        var move = request.Move && !file.FromArchive;
        var temp = Path.Combine(Path.GetDirectoryName(destination)!, $".fp-import-{Guid.NewGuid():N}.tmp");
        ImportJournalEntry? entry = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            entry = await engine.Journal.BeginAsync(new ImportJournalEntry
            {
                BatchId = batchId, SourcePath = file.FullPath, DestinationPath = target, TempPath = temp, Move = move,
                ContentHash = hash, Size = size, CreatedAt = DateTimeOffset.UtcNow,
            }, cancellationToken);

            var placed = move ? FileTransfer.TryMoveByLink(file.FullPath, destination) : null;
            if (placed is null)
            {
                placed = await FileTransfer.CopyVerifiedAsync(file.FullPath, temp, destination, hash, cancellationToken);
                if (placed == true && move)
                {
                    File.Delete(file.FullPath);
                    NativeFileOps.SyncDirectory(Path.GetDirectoryName(file.FullPath)!);
                }
            }

            if (placed == false)
            {
                await engine.Journal.CompleteAsync(entry.Id, CancellationToken.None);
                return Entry(file, "failed", message: $"Destination {target} appeared while importing; left in place.");
            }

            if (analysis is not null)
            {
                await engine.Indexer.IndexAsync(target, analysis with { Sidecars = sidecars }, pixels, cancellationToken);
            }

            if (afterPlaced is not null)
            {
                await afterPlaced(cancellationToken);
            }

            await engine.Journal.CompleteAsync(entry.Id, CancellationToken.None);
            return null;
        }
        catch (Exception e) when (IsDiskFull(e))
        {
            FileTransfer.TryDelete(temp);
            if (entry is not null)
            {
                await engine.Journal.RecoverAsync(CancellationToken.None);
            }

            Report(file, Entry(file, "failed", message: "Disk full: import stopped; nothing half-written was left."), analysis);
            throw new ImportStoppedException("Disk full: the import stopped cleanly; files not yet imported are untouched.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            FileTransfer.TryDelete(temp);
            if (entry is not null)
            {
                await engine.Journal.RecoverAsync(CancellationToken.None);
            }

            engine.Logger.LogWarning("Import of {Source} failed: {Message}", file.FullPath, e.Message);
            return File.Exists(destination) && !File.Exists(file.FullPath)
                ? null
                : Entry(file, "failed", message: e.Message);
        }
    }

    private static bool IsDiskFull(Exception e) =>
        NativeFileOps.IsDiskFull(e) || e is SqliteException { SqliteErrorCode: 13 } ||
        e.InnerException is SqliteException { SqliteErrorCode: 13 };

    private bool PathTakenInIndex(string relative)
    {
        using var db = engine.Factory.CreateDbContext();
        return db.MediaItems.Any(i => i.RelativePath == relative);
    }

    /// <summary>After the run stopped early: a <c>failed</c> line for every input not dealt with (it is still in its source).</summary>
    public void ReportUnfinished(IEnumerable<ImportFile> files, string reason)
    {
        foreach (var file in files.Where(f => !reported.Contains(f)))
        {
            Report(file, Entry(file, "failed", message: $"Not imported (still in its source): {reason}"), null);
        }
    }

    private void Report(ImportFile file, ImportReportEntry entry, MediaAnalysis? analysis)
    {
        reported.Add(file);
        entries.Add(entry);
        filesDone++;
        bytesDone += analysis?.Size ?? entry.Bytes;
        progress?.Report(new ImportProgress(filesDone, filesTotal, Math.Min(bytesDone, bytesTotal), bytesTotal, file.Label));
    }

    internal static ImportReportEntry Entry(ImportFile file, string outcome, string? path = null, string? duplicateOf = null,
        CaptureDate? taken = null, bool damaged = false, string? message = null, long bytes = 0) => new()
    {
        Source = file.Label, Outcome = outcome, Path = path, DuplicateOf = duplicateOf, TakenAt = ImportReportFormat.Taken(taken),
        TakenAtSource = taken is null ? null : ImportReportFormat.SourceName(taken.Source), Damaged = damaged, Message = message, Bytes = bytes,
    };
}
