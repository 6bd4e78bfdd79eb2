using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// The per-file work of import that depends on nothing but the file itself, so it can run on many files at once:
/// analysis (content hash, metadata, Takeout JSON and XMP, date) and the pixel check (truncation, perceptual hash).
/// Everything that depends on other files — duplicates, names, near-duplicates, filing — stays in the sequential stage.
/// </summary>
internal sealed class ImportPreparer(
    IMediaAnalyzer analyzer,
    IMediaProcessor processor,
    ImportFingerprinter fingerprinter,
    IDbContextFactory<FolderPrismDbContext> factory,
    ILogger logger)
{
    public async Task<PreparedFile> PrepareAsync(ImportFile file, CancellationToken cancellationToken)
    {
        if (MediaTypes.GetKind(file.FullPath) == MediaKind.Unknown)
        {
            return new PreparedFile(file, null, null, ImportRun.Entry(file, "rejected", message: "Not a supported photo or video file."));
        }

        MediaAnalysis analysis;
        try
        {
            analysis = await analyzer.AnalyzeAsync(file.FullPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PreparedFile(file, null, null, ImportRun.Entry(file, "failed", message: $"Cannot read: {e.Message}"));
        }

        if (analysis.Size == 0)
        {
            return new PreparedFile(file, analysis, null, ImportRun.Entry(file, "rejected", damaged: true, message: "Empty file (0 bytes)."));
        }

        if (analysis.IsDamaged)
        {
            return new PreparedFile(file, analysis, null, ImportRun.Entry(file, "rejected", taken: analysis.TakenAt, damaged: true,
                message: $"Damaged or truncated: {analysis.DamageReason ?? "unreadable"}"));
        }

        if (await InLibraryAsync(analysis.ContentHash, cancellationToken))
        {
            // Re-importing a card: these bytes are filed already; the sequential stage reports the duplicate.
            return new PreparedFile(file, analysis, null, null, PixelsDeferred: true);
        }

        var (pixels, verdict) = await CheckPixelsAsync(file, analysis, cancellationToken);
        return new PreparedFile(file, analysis, pixels, verdict);
    }

    /// <summary>Decodes the pixels (reduced size for plain raster images, the full processor otherwise).</summary>
    public async Task<(PixelCheck? Pixels, ImportReportEntry? Verdict)> CheckPixelsAsync(
        ImportFile file, MediaAnalysis analysis, CancellationToken cancellationToken)
    {
        try
        {
            if (analysis.Kind == MediaKind.Image && ImportFingerprinter.Handles(file.FullPath))
            {
                return (new PixelCheck(fingerprinter.PerceptualHash(file.FullPath), null), null);
            }

            var derivatives = await processor.ProcessAsync(file.FullPath, analysis.ContentHash, analysis.Kind, cancellationToken);
            return (new PixelCheck(derivatives.PerceptualHash, derivatives), null);
        }
        catch (MediaDecodeException e)
        {
            return (null, ImportRun.Entry(file, "rejected", taken: analysis.TakenAt, damaged: true, message: $"Damaged or truncated: {e.Message}"));
        }
        catch (IOException e)
        {
            // Writing the processor's thumbnails failed (e.g. the data disk is full): not the input's fault; the
            // background indexer retries them. Import goes on without a perceptual hash for this file.
            logger.LogWarning("Pixel check of {Source} failed: {Message}", file.FullPath, e.Message);
            return (new PixelCheck(null, null), null);
        }
    }

    private async Task<bool> InLibraryAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AnyAsync(i => i.ContentHash == hash && i.State == ItemState.Present && i.TrashedAt == null, cancellationToken) ||
               await db.DisplacedVersions.AnyAsync(d => d.ContentHash == hash, cancellationToken);
    }
}
