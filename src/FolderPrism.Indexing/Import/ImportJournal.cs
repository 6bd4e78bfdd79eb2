using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using FolderPrism.Indexing.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// Write-ahead journal of import file operations in the index database. <see cref="BeginAsync"/> commits the intent
/// before a file is touched; <see cref="CompleteAsync"/> removes it once the file is in place, its source dealt with
/// and the index updated. <see cref="RecoverAsync"/> settles what a crash (even <c>kill -9</c>) left: a destination
/// whose bytes verify is finished (source removed for a move, indexed); anything else is rolled back (temp deleted,
/// the input still where it was). Either way every input exists exactly once.
/// </summary>
public sealed class ImportJournal(
    IDbContextFactory<FolderPrismDbContext> factory,
    IMediaAnalyzer analyzer,
    ImportIndexer indexer,
    ImportFingerprinter fingerprinter,
    IOptions<LibraryOptions> library,
    ILogger<ImportJournal> logger)
{
    private string Originals => library.Value.OriginalsPath;

    public async Task<ImportJournalEntry> BeginAsync(ImportJournalEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ImportJournal.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    public async Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.ImportJournal.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Settles every entry a previous run left; returns how many were finished and how many rolled back.</summary>
    public async Task<(int Finished, int RolledBack)> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entries = await db.ImportJournal.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);
        int finished = 0, rolledBack = 0;
        foreach (var entry in entries)
        {
            if (await SettleAsync(entry, cancellationToken))
            {
                finished++;
            }
            else
            {
                rolledBack++;
            }

            await CompleteAsync(entry.Id, cancellationToken);
        }

        if (entries.Count > 0)
        {
            logger.LogWarning("Import journal recovery: {Finished} interrupted imports finished, {RolledBack} rolled back", finished, rolledBack);
        }

        return (finished, rolledBack);
    }

    private async Task<bool> SettleAsync(ImportJournalEntry entry, CancellationToken cancellationToken)
    {
        if (entry.TempPath is { } temp && File.Exists(temp))
        {
            File.Delete(temp);
        }

        if (entry.DestinationPath.StartsWith(DuplicateHolding.JournalPrefix, StringComparison.Ordinal))
        {
            return await SettleHoldingAsync(entry, cancellationToken);
        }

        var destination = LibraryPaths.ToFull(Originals, entry.DestinationPath);

        if (!File.Exists(destination) || await ContentHasher.ComputeAsync(destination, cancellationToken) != entry.ContentHash)
        {
            // Never placed (or the name holds someone else's file): the input is still in its source.
            return false;
        }

        var sourceIntact = File.Exists(entry.SourcePath) &&
                           await ContentHasher.ComputeAsync(entry.SourcePath, cancellationToken) == entry.ContentHash;
        if (!IgnoreRules.IsSidecar(entry.DestinationPath) && !await indexer.IsIndexedAsync(entry.DestinationPath, entry.ContentHash, cancellationToken))
        {
            // Prefer the source: its Takeout JSON is next to it.
            var analysis = await analyzer.AnalyzeAsync(sourceIntact ? entry.SourcePath : destination, cancellationToken);
            analysis = analysis with
            {
                ModifiedUtc = File.GetLastWriteTimeUtc(destination),
                Sidecars = MediaAnalyzer.XmpSidecarPaths(destination),
            };
            await indexer.IndexAsync(entry.DestinationPath, analysis, PixelsOf(destination, analysis), cancellationToken);
        }

        if (entry.Move && sourceIntact)
        {
            File.Delete(entry.SourcePath);
            NativeFileOps.SyncDirectory(Path.GetDirectoryName(entry.SourcePath)!);
        }

        logger.LogInformation("Finished interrupted import of {Source} as {Destination}", entry.SourcePath, entry.DestinationPath);
        return true;
    }

    /// <summary>The perceptual hash of a recovered image, so the next import's near-duplicate check sees it.</summary>
    private PixelCheck? PixelsOf(string path, MediaAnalysis analysis)
    {
        if (analysis.Kind != MediaKind.Image || analysis.IsDamaged || !ImportFingerprinter.Handles(path))
        {
            return null;
        }

        try
        {
            return new PixelCheck(fingerprinter.PerceptualHash(path), null);
        }
        catch (MediaDecodeException e)
        {
            logger.LogWarning("Recovered import {Path} cannot be decoded: {Message}", path, e.Message);
            return null;
        }
    }

    /// <summary>
    /// A move into the holding area. A takeover's move (source under <c>Originals/</c>) is rolled forward — the index
    /// already lists the file as displaced; an arriving lesser version is finished if placed, else rolled back.
    /// </summary>
    private async Task<bool> SettleHoldingAsync(ImportJournalEntry entry, CancellationToken cancellationToken)
    {
        var holdingRelative = entry.DestinationPath[DuplicateHolding.JournalPrefix.Length..];
        var destination = Path.Combine(DuplicateHolding.Root(Originals), holdingRelative);
        var takeover = Path.GetFullPath(entry.SourcePath).StartsWith(Originals + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var placed = File.Exists(destination) && await ContentHasher.ComputeAsync(destination, cancellationToken) == entry.ContentHash;
        if (!placed && takeover && File.Exists(entry.SourcePath))
        {
            if (File.Exists(destination))
            {
                File.Delete(destination); // a torn copy of ours (never someone else's: the holding area is ours)
            }

            await DuplicateHolding.MoveFileAsync(entry.SourcePath, destination, entry.ContentHash, cancellationToken);
            placed = true;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!placed)
        {
            await db.DisplacedVersions.Where(d => d.HoldingPath == holdingRelative).ExecuteDeleteAsync(cancellationToken);
            return false;
        }

        if (entry.Move && File.Exists(entry.SourcePath) && await ContentHasher.ComputeAsync(entry.SourcePath, cancellationToken) == entry.ContentHash)
        {
            File.Delete(entry.SourcePath);
        }

        await DuplicateHolding.RecordAsync(db, holdingRelative, entry.SourcePath, entry.ContentHash, entry.Size, null, null, null, 0, cancellationToken);
        return true;
    }
}
