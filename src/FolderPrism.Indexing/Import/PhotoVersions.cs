using FolderPrism.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// Reads library items as <see cref="PhotoVersion"/>s: the one projection import's matching, the index-time linker and
/// the Duplicates view's "which version is kept" all rank by, so the three cannot drift apart.
/// </summary>
public static class PhotoVersions
{
    /// <summary>The hashed items of <paramref name="items"/> (others are skipped), untracked.</summary>
    public static async Task<List<PhotoVersion>> LoadAsync(IQueryable<MediaItem> items, CancellationToken cancellationToken)
    {
        var rows = await items.AsNoTracking().Where(i => i.PerceptualHash != null)
            .Select(i => new
            {
                i.Id, i.RelativePath, i.PerceptualHash, i.Width, i.Height, i.TakenLocal, i.TakenSource, i.Size, i.MimeType, i.Make, i.Model,
                Score = (i.Lens != null ? 1 : 0) + (i.Iso != null ? 1 : 0) + (i.Latitude != null ? 1 : 0) + (i.Description != null ? 1 : 0),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PhotoVersion(
            r.Id, r.RelativePath, unchecked((ulong)r.PerceptualHash!.Value), r.Width ?? 0, r.Height ?? 0, r.TakenLocal, r.TakenSource,
            r.Size, r.MimeType, r.Make != null || r.Model != null, r.Score)).ToList();
    }
}
