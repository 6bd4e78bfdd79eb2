using FolderPrism.Core.Media;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Import;

/// <summary>Near-duplicates, best version wins, in whichever order the versions arrive.</summary>
internal sealed partial class ImportRun
{
    private NearDuplicateIndex? near;

    /// <summary>
    /// Holds every arriving image that is a lesser version of a library photo (removing it from
    /// <paramref name="accepted"/>), and returns the arriving images that are better versions, with the photo they
    /// replace; those inherit the old version's date when it is better sourced.
    /// </summary>
    private async Task<Dictionary<ImportFile, (PhotoVersion Old, int Distance)>> ResolveNearDuplicatesAsync(
        List<(ImportFile File, MediaAnalysis Analysis, PixelCheck? Pixels)> accepted, CancellationToken cancellationToken)
    {
        var takeovers = new Dictionary<ImportFile, (PhotoVersion, int)>();
        for (var i = accepted.Count - 1; i >= 0; i--)
        {
            var (file, analysis, pixels) = accepted[i];
            if (analysis.Kind != MediaKind.Image || pixels?.PerceptualHash is not { } hash)
            {
                continue;
            }

            near ??= await LoadNearAsync(cancellationToken);
            var incoming = PhotoVersion.From(null, file.Label, analysis, hash);
            if (near.FindMatch(incoming) is not { } match || match.Version.ItemId is not { } keptId)
            {
                continue;
            }

            if (incoming.CompareQuality(match.Version) <= 0)
            {
                accepted.RemoveAt(i);
                batchHashes.Remove(analysis.ContentHash);
                Report(file, await HoldAsync(file, analysis, keptId, match.Version.Path, match.Distance, cancellationToken), analysis);
                continue;
            }

            takeovers[file] = (match.Version, match.Distance);
            if (match.Version.HasRealDate && (analysis.TakenAt is null || match.Version.TakenSource < analysis.TakenAt.Source))
            {
                accepted[i] = (file, analysis with { TakenAt = await ItemDateAsync(keptId, cancellationToken) ?? analysis.TakenAt }, pixels);
            }
        }

        return takeovers;
    }

    private async Task<ImportReportEntry> HoldAsync(ImportFile file, MediaAnalysis analysis, Guid keptId, string keptPath, int distance,
        CancellationToken cancellationToken)
    {
        var holding = DuplicateHolding.PlanPath(engine.Originals, keptId, file.Name, analysis.ContentHash);
        var failure = await TransferAsync(file, DuplicateHolding.JournalPrefix + holding, analysis.ContentHash, analysis.Size,
            analysis: null, pixels: null, sidecars: [], cancellationToken, afterPlaced: async ct =>
            {
                await using var db = await engine.Factory.CreateDbContextAsync(ct);
                await DuplicateHolding.RecordAsync(db, holding, file.Label, analysis.ContentHash, analysis.Size, analysis.Width,
                    analysis.Height, analysis.MimeType, distance, ct);
                await ImportAlbums.LinkAsync(db, keptId, analysis.Albums, ct);
            });
        return failure ?? Entry(file, "duplicate", duplicateOf: keptPath, taken: analysis.TakenAt,
            message: $"Lesser version of {keptPath} (perceptual distance {distance}); kept in {DuplicateHolding.FolderName}/{holding}.");
    }

    /// <summary>
    /// Registers an imported image for matching, and carries out a takeover; returns a note for the report and the
    /// file's final path (a lone file takes over the displaced one's name when it only got a suffix because of it, so
    /// the library ends up the same whichever version arrived first).
    /// </summary>
    private async Task<(string? Note, string Path)> AfterImportedAsync(ImportFile file, string target, MediaAnalysis analysis,
        PixelCheck? pixels, bool alone, Dictionary<ImportFile, (PhotoVersion Old, int Distance)> takeovers,
        CancellationToken cancellationToken)
    {
        if (request.DryRun || analysis.Kind != MediaKind.Image || pixels?.PerceptualHash is not { } hash)
        {
            return (takeovers.TryGetValue(file, out var planned) ? $"Better version of {planned.Old.Path}." : null, target);
        }

        await using var db = await engine.Factory.CreateDbContextAsync(cancellationToken);
        var id = await db.MediaItems.Where(i => i.RelativePath == target).Select(i => i.Id).SingleAsync(cancellationToken);
        near ??= await LoadNearAsync(cancellationToken);
        near.Add(PhotoVersion.From(id, target, analysis, hash));
        if (!takeovers.TryGetValue(file, out var takeover) || takeover.Old.ItemId is not { } oldId)
        {
            return (null, target);
        }

        var entry = await DuplicateHolding.TakeOverAsync(db, id, oldId, engine.Originals, takeover.Distance, batchId, cancellationToken);
        var holding = Path.Combine(DuplicateHolding.Root(engine.Originals), entry.DestinationPath[DuplicateHolding.JournalPrefix.Length..]);
        await DuplicateHolding.MoveFileAsync(entry.SourcePath, holding, entry.ContentHash, cancellationToken);
        MoveTakeoutJson(entry.SourcePath, holding);
        await engine.Journal.CompleteAsync(entry.Id, CancellationToken.None);
        near.Remove(oldId);
        var final = alone && TookSuffixBecauseOf(target, takeover.Old.Path)
            ? await RenameIntoAsync(target, takeover.Old.Path, analysis.ContentHash, analysis.Size, cancellationToken)
            : target;
        return ($"Better version of {takeover.Old.Path}, which moved to {DuplicateHolding.FolderName}/ and passed on its tags, people and albums.", final);
    }

    private static bool TookSuffixBecauseOf(string target, string old) =>
        LibraryPaths.Parent(target) == LibraryPaths.Parent(old) &&
        string.Equals(Path.GetExtension(target), Path.GetExtension(old), StringComparison.Ordinal) &&
        Path.GetFileNameWithoutExtension(target).StartsWith(Path.GetFileNameWithoutExtension(old) + "_", StringComparison.Ordinal);

    /// <summary>Journaled same-folder rename of a just-imported file; the index keeps its identity.</summary>
    private async Task<string> RenameIntoAsync(string from, string to, string hash, long size, CancellationToken cancellationToken)
    {
        var source = LibraryPaths.ToFull(engine.Originals, from);
        var destination = LibraryPaths.ToFull(engine.Originals, to);
        if (File.Exists(destination))
        {
            return from;
        }

        var entry = await engine.Journal.BeginAsync(new Core.Library.ImportJournalEntry
        {
            BatchId = batchId, SourcePath = source, DestinationPath = to, Move = true, ContentHash = hash, Size = size,
            CreatedAt = DateTimeOffset.UtcNow,
        }, cancellationToken);
        if (FileTransfer.TryMoveByLink(source, destination) != true)
        {
            await engine.Journal.CompleteAsync(entry.Id, CancellationToken.None);
            return from;
        }

        await engine.Writer.RenameAsync(from, to, cancellationToken);
        await engine.Journal.CompleteAsync(entry.Id, CancellationToken.None);
        planner.Release(from);
        return to;
    }

    private async Task<CaptureDate?> ItemDateAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await engine.Factory.CreateDbContextAsync(cancellationToken);
        var row = await db.MediaItems.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.TakenLocal, i.TakenOffsetMinutes, i.TakenSource, i.TakenConfidence }).SingleAsync(cancellationToken);
        return row.TakenLocal is { } local && row.TakenSource is { } source
            ? new CaptureDate(local, row.TakenOffsetMinutes is { } m ? TimeSpan.FromMinutes(m) : null, source, row.TakenConfidence ?? DateConfidence.Medium)
            : null;
    }

    private async Task<NearDuplicateIndex> LoadNearAsync(CancellationToken cancellationToken)
    {
        await using FolderPrismDbContext db = await engine.Factory.CreateDbContextAsync(cancellationToken);
        return await NearDuplicateIndex.LoadAsync(db, engine.Options, cancellationToken);
    }
}
