using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// The library's images by perceptual hash, loaded once per run and kept current as the run imports. Two images are
/// the same photo when their hashes are within the configured distance, their aspect ratios agree (orientation-free)
/// and, when both carry a real capture date, those dates are close.
/// </summary>
internal sealed class NearDuplicateIndex(ImportOptions options)
{
    private const double AspectTolerance = 0.03;
    private readonly List<PhotoVersion> versions = [];

    public static async Task<NearDuplicateIndex> LoadAsync(FolderPrismDbContext db, ImportOptions options, CancellationToken cancellationToken)
    {
        var index = new NearDuplicateIndex(options);
        var rows = await db.MediaItems.AsNoTracking()
            .Where(i => i.PerceptualHash != null && i.Kind == MediaKind.Image && i.State == ItemState.Present && i.TrashedAt == null)
            .Select(i => new
            {
                i.Id, i.RelativePath, i.PerceptualHash, i.Width, i.Height, i.TakenLocal, i.TakenSource, i.Size, i.MimeType, i.Make, i.Model,
                Score = (i.Lens != null ? 1 : 0) + (i.Iso != null ? 1 : 0) + (i.Latitude != null ? 1 : 0) + (i.Description != null ? 1 : 0),
            })
            .ToListAsync(cancellationToken);
        index.versions.AddRange(rows.Select(r => new PhotoVersion(
            r.Id, r.RelativePath, unchecked((ulong)r.PerceptualHash!.Value), r.Width ?? 0, r.Height ?? 0, r.TakenLocal, r.TakenSource,
            r.Size, r.MimeType, r.Make != null || r.Model != null, r.Score)));
        return index;
    }

    public void Add(PhotoVersion version) => versions.Add(version);

    public void Remove(Guid itemId) => versions.RemoveAll(v => v.ItemId == itemId);

    /// <summary>The closest library version of the same photo, or null.</summary>
    public (PhotoVersion Version, int Distance)? FindMatch(PhotoVersion incoming)
    {
        (PhotoVersion, int)? best = null;
        foreach (var v in versions)
        {
            var distance = PerceptualHash.Distance(v.PerceptualHash, incoming.PerceptualHash);
            if (distance > options.NearDuplicateDistance || (best is { } b && b.Item2 <= distance))
            {
                continue;
            }

            if (v.Aspect == 0 || incoming.Aspect == 0 || Math.Abs(v.Aspect - incoming.Aspect) / v.Aspect > AspectTolerance)
            {
                continue;
            }

            if (v.HasRealDate && incoming.HasRealDate &&
                (v.TakenLocal!.Value - incoming.TakenLocal!.Value).Duration() > options.NearDuplicateTimeWindow)
            {
                continue;
            }

            best = (v, distance);
        }

        return best;
    }
}
