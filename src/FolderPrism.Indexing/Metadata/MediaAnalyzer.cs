using System.Xml;
using FolderPrism.Core.Media;
using FolderPrism.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Metadata;

/// <summary>
/// <see cref="IMediaAnalyzer"/> over MetadataExtractor, ffprobe, XMP sidecars and Takeout JSON. Layering: the file's
/// own metadata, then Takeout JSON filling what the file lacks, then XMP sidecars (<c>photo.xmp</c>, then the more
/// specific <c>photo.jpg.xmp</c>) overriding it. Bad media yields <see cref="MediaAnalysis.IsDamaged"/>, not an exception.
/// </summary>
public sealed class MediaAnalyzer(IOptions<MediaAnalysisOptions> options, TimeProvider timeProvider, ILogger<MediaAnalyzer> logger)
    : IMediaAnalyzer
{
    private readonly MediaAnalysisOptions settings = options.Value;
    private readonly TimeZoneInfo? zone = options.Value.TimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : null;

    /// <summary>Analyses one file. Throws only for I/O problems (missing or unreadable file) and cancellation.</summary>
    public async Task<MediaAnalysis> AnalyzeAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("Media file not found.", path);
        }

        var kind = MediaTypes.GetKind(path);
        var hash = await ContentHasher.ComputeAsync(path, cancellationToken).ConfigureAwait(false);
        var metadata = new ExtractedMetadata();
        string? damage = null;
        if (info.Length == 0)
        {
            damage = "Empty file (0 bytes).";
        }
        else if (kind == MediaKind.Image)
        {
            damage = ReadImage(path, metadata);
        }
        else if (kind == MediaKind.Video)
        {
            damage = await ReadVideoAsync(path, metadata, cancellationToken).ConfigureAwait(false);
        }

        var sidecars = new List<string>();
        ApplyTakeout(path, metadata, sidecars);
        var xmpModified = ApplyXmpSidecars(path, metadata, sidecars);

        var dates = metadata.Dates with { FileName = Path.GetFileName(path), FileTimeUtc = info.LastWriteTimeUtc };
        return new MediaAnalysis
        {
            ContentHash = hash,
            Size = info.Length,
            ModifiedUtc = info.LastWriteTimeUtc,
            MimeType = MediaTypes.GetMimeType(path),
            Kind = kind,
            TakenAt = DateResolver.Resolve(dates, timeProvider.GetUtcNow().UtcDateTime, zone),
            Width = metadata.Width,
            Height = metadata.Height,
            Orientation = metadata.Orientation,
            Make = metadata.Make,
            Model = metadata.Model,
            Lens = metadata.Lens,
            Iso = metadata.Iso,
            ExposureTime = metadata.ExposureTime,
            FNumber = metadata.FNumber,
            FocalLength = metadata.FocalLength,
            Rating = metadata.Rating,
            Title = metadata.Title,
            Description = metadata.Description,
            Location = metadata.Location,
            Keywords = metadata.Keywords,
            HierarchicalKeywords = metadata.HierarchicalKeywords,
            Faces = metadata.Faces,
            Albums = metadata.Albums,
            DurationSeconds = metadata.DurationSeconds,
            VideoCodec = metadata.VideoCodec,
            Rotation = metadata.Rotation,
            IsDamaged = damage is not null,
            DamageReason = damage,
            Sidecars = sidecars,
            XmpSidecarsModifiedUtc = xmpModified,
            FacesFromSidecar = metadata.FacesFromSidecar,
        };
    }

    private string? ReadImage(string path, ExtractedMetadata metadata)
    {
        string? damage = null;
        try
        {
            metadata.OverrideWith(EmbeddedMetadataReader.Read(path));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // MetadataExtractor throws for unknown/garbled containers; the pixels decide below whether it is damage.
            logger.LogDebug(e, "Metadata unreadable in {Path}", path);
            damage = $"Metadata unreadable: {e.Message}";
        }

        if (metadata.Width is null || metadata.Height is null || damage is not null)
        {
            if (!MediaTypes.IsRaw(path) && ImageHeaderReader.TryRead(path) is { } size)
            {
                (metadata.Width, metadata.Height) = size;
                damage = null;
            }
            else if (damage is null && !MediaTypes.IsRaw(path))
            {
                damage = "Image header cannot be read.";
            }
        }

        return damage;
    }

    private async Task<string?> ReadVideoAsync(string path, ExtractedMetadata metadata, CancellationToken cancellationToken)
    {
        try
        {
            metadata.OverrideWith(await VideoMetadataReader.ReadAsync(path, settings.ProbeTimeout, cancellationToken).ConfigureAwait(false));
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogDebug(e, "ffprobe failed for {Path}", path);
            return $"Video unreadable: {FirstLine(e.Message)}";
        }
    }

    private void ApplyTakeout(string path, ExtractedMetadata metadata, List<string> sidecars)
    {
        try
        {
            if (TakeoutMetadataReader.FindSidecar(path) is { } json && TakeoutMetadataReader.Read(json) is { } takeout)
            {
                // Takeout fills gaps: the file's own values are the original record.
                takeout.OverrideWith(metadata);
                metadata.OverrideWith(takeout);
                sidecars.Add(json);
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Ignoring unreadable Takeout sidecar for {Path}: {Message}", path, e.Message);
        }
    }

    private DateTime? ApplyXmpSidecars(string path, ExtractedMetadata metadata, List<string> sidecars)
    {
        DateTime? modified = null;
        foreach (var sidecar in XmpSidecarPaths(path))
        {
            try
            {
                // Stat before reading: a write landing in between makes the read look older (re-read later), never newer.
                var stamp = File.GetLastWriteTimeUtc(sidecar);
                modified = modified is { } m && m > stamp ? m : stamp;
                var xmp = XmpMetadataParser.Parse(File.ReadAllText(sidecar), metadata);
                metadata.OverrideWith(xmp);
                // A sidecar is authoritative for the lists it states, even empty (see ExtractedMetadata.KeywordsStated).
                metadata.Keywords = xmp.KeywordsStated ? [.. xmp.Keywords] : metadata.Keywords;
                metadata.HierarchicalKeywords = xmp.HierarchicalKeywordsStated ? [.. xmp.HierarchicalKeywords] : metadata.HierarchicalKeywords;
                metadata.Faces = xmp.FacesStated ? [.. xmp.Faces] : metadata.Faces;
                metadata.FacesFromSidecar |= xmp.FacesStated;
                sidecars.Add(sidecar);
            }
            catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Ignoring unreadable XMP sidecar {Sidecar}: {Message}", sidecar, e.Message);
            }
        }

        return modified;
    }

    /// <summary>
    /// Existing XMP sidecars of a media file, weakest first: <c>photo.xmp</c>, then <c>photo.jpg.xmp</c>
    /// (either spelled <c>.xmp</c> or <c>.XMP</c>).
    /// </summary>
    public static IReadOnlyList<string> XmpSidecarPaths(string mediaPath)
    {
        var full = Path.GetFullPath(mediaPath);
        var folder = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var found = new List<string>();
        foreach (var stem in new[] { Path.GetFileNameWithoutExtension(name), name }.Distinct(StringComparer.Ordinal))
        {
            foreach (var extension in new[] { ".xmp", ".XMP" })
            {
                var candidate = Path.Combine(folder, stem + extension);
                if (File.Exists(candidate))
                {
                    found.Add(candidate);
                    break;
                }
            }
        }

        return found;
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline];
    }
}
