using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// The library's images by perceptual hash, loaded once per run and kept current as the run imports; "the same photo"
/// is <see cref="NearDuplicateRule"/>, shared with the index-time <see cref="NearDuplicateLinker"/>.
/// </summary>
internal sealed class NearDuplicateIndex(ImportOptions options)
{
    private readonly List<PhotoVersion> versions = [];

    public static async Task<NearDuplicateIndex> LoadAsync(FolderPrismDbContext db, ImportOptions options, CancellationToken cancellationToken)
    {
        var index = new NearDuplicateIndex(options);
        index.versions.AddRange(await PhotoVersions.LoadAsync(
            db.MediaItems.Where(i => i.PerceptualHash != null && i.Kind == MediaKind.Image && i.State == ItemState.Present && i.TrashedAt == null),
            cancellationToken));
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
            if (NearDuplicateRule.Distance(v, incoming, options) is { } distance && (best is not { } b || distance < b.Item2))
            {
                best = (v, distance);
            }
        }

        return best;
    }
}
