using FolderPrism.Core.Configuration;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// Writes one analysis into the index: item fields, file-sourced tags, faces/people and albums (user-made links are
/// never touched), sidecar links, and the derivatives job. A never-analysed item whose bytes equal those of an item
/// that vanished is the same photo moved (delete+create, across folders too): the old item takes the new path and keeps its Id.
/// An analysis whose XMP sidecar predates an edit made in FolderPrism (<see cref="AssociationEdits"/>) leaves the
/// associations alone: it read the sidecar before the sidecar writer caught up, and would bring back what was removed.
/// </summary>
public sealed class AnalysisApplier(
    IDbContextFactory<FolderPrismDbContext> factory,
    IndexWriteGate gate,
    IOptions<LibraryOptions> library,
    AssociationEdits edits,
    ILogger<AnalysisApplier> logger)
{
    public async Task ApplyAsync(Guid itemId, MediaAnalysis analysis, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await LoadAsync(db, i => i.Id == itemId, cancellationToken);
        if (item is null || item.State == ItemState.Missing)
        {
            return;
        }

        if (item.AnalyzedAt is null)
        {
            item = await AdoptMovedTwinAsync(db, item, analysis.ContentHash, cancellationToken);
        }

        var hashChanged = item.ContentHash != analysis.ContentHash;
        var now = DateTimeOffset.UtcNow;
        AnalysisMapper.CopyFields(analysis, item);
        item.AnalyzedAt = now;
        item.QuarantineReason = null;
        item.QuarantinedAt = null;
        if (edits.PredatesEdit(item.Id, analysis))
        {
            logger.LogDebug("{Path}: sidecar read before the last edit in FolderPrism; associations left as they are", item.RelativePath);
        }
        else
        {
            await SyncTagsAsync(db, item, analysis, now, cancellationToken);
            await SyncFacesAsync(db, item, analysis, cancellationToken);
            await SyncAlbumsAsync(db, item, analysis.Albums, now, cancellationToken);
        }

        SyncSidecars(item, analysis.Sidecars);

        if (item.Kind == MediaKind.Unknown)
        {
            item.ThumbnailState = ThumbnailState.NotApplicable;
        }
        else if (analysis.IsDamaged)
        {
            item.ThumbnailState = ThumbnailState.Failed;
        }
        else if (hashChanged || item.ThumbnailState != ThumbnailState.Ready)
        {
            item.ThumbnailState = ThumbnailState.Pending;
            await JobQueue.EnqueueAsync(db, [item.Id], JobKind.Derivatives, resetQuarantine: true, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private const int MaxTwinsChecked = 16;

    private async Task<MediaItem> AdoptMovedTwinAsync(
        FolderPrismDbContext db, MediaItem fresh, string contentHash, CancellationToken cancellationToken)
    {
        // Checked on disk: rows already missing first, then those with the same file name (a move usually keeps it), at
        // most MaxTwinsChecked. Every twin used to be loaded and stat'ed for every new file, which made a library of
        // many byte-identical files (blank screenshots, a bench's copies) quadratic to index.
        var sameName = "/" + Path.GetFileName(fresh.RelativePath);
        var twins = await db.MediaItems.Where(i => i.ContentHash == contentHash && i.Id != fresh.Id && i.AnalyzedAt != null)
            .OrderBy(i => i.State == ItemState.Missing ? 0 : 1)
            .ThenBy(i => ("/" + i.RelativePath).EndsWith(sameName) ? 0 : 1)
            .ThenByDescending(i => i.MissingSince)
            .Take(MaxTwinsChecked)
            .Select(i => new { i.Id, i.RelativePath, i.State }).ToListAsync(cancellationToken);
        var originals = library.Value.OriginalsPath;
        var twin = twins.FirstOrDefault(t =>
            t.State == ItemState.Missing || !File.Exists(LibraryPaths.ToFull(originals, t.RelativePath)));
        if (twin is null)
        {
            return fresh; // a real copy (or the first of its kind): a new item
        }

        var path = fresh.RelativePath;
        db.MediaItems.Remove(fresh);
        await db.SaveChangesAsync(cancellationToken);
        var adopted = (await LoadAsync(db, i => i.Id == twin.Id, cancellationToken))!;
        logger.LogInformation("{Old} reappeared as {New}: same bytes, identity {Id} kept", adopted.RelativePath, path, adopted.Id);
        adopted.RelativePath = path;
        adopted.State = ItemState.Present;
        adopted.MissingSince = null;
        return adopted;
    }

    // One statement (not split): an item has few tags/faces/albums/sidecars, and one round trip per job matters.
    private static Task<MediaItem?> LoadAsync(
        FolderPrismDbContext db, System.Linq.Expressions.Expression<Func<MediaItem, bool>> predicate,
        CancellationToken cancellationToken) =>
        db.MediaItems.Include(i => i.Tags).Include(i => i.Faces).Include(i => i.Albums).Include(i => i.Sidecars)
            .AsSingleQuery().SingleOrDefaultAsync(predicate, cancellationToken);

    private static async Task SyncTagsAsync(
        FolderPrismDbContext db, MediaItem item, MediaAnalysis analysis, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<int, Tag>();
        foreach (var keyword in KeywordHierarchy.FlatOnly(analysis.Keywords, analysis.HierarchicalKeywords))
        {
            var tag = await TagResolver.GetOrCreateAsync(db, [keyword], now, cancellationToken);
            wanted[tag.Id] = tag;
        }

        foreach (var hierarchical in analysis.HierarchicalKeywords)
        {
            var levels = hierarchical.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (levels.Length > 0)
            {
                var tag = await TagResolver.GetOrCreateAsync(db, levels, now, cancellationToken);
                wanted[tag.Id] = tag;
            }
        }

        item.Tags.RemoveAll(t => t.Source == AssociationSource.File && !wanted.ContainsKey(t.TagId));
        foreach (var tag in wanted.Values.Where(w => item.Tags.All(t => t.TagId != w.Id)))
        {
            item.Tags.Add(new ItemTag { ItemId = item.Id, TagId = tag.Id, Source = AssociationSource.File, AddedAt = now });
        }
    }

    private static async Task SyncFacesAsync(
        FolderPrismDbContext db, MediaItem item, MediaAnalysis analysis, CancellationToken cancellationToken)
    {
        var stale = item.Faces.Where(f => f.Source == AssociationSource.File).ToList();
        var owned = item.Faces.Where(f => f.Source != AssociationSource.File).ToList();
        var seen = new HashSet<Face>();
        foreach (var region in analysis.Faces)
        {
            // FolderPrism writes detected faces and boxes users drew to the sidecar too: read back, they are those
            // faces (same box to the sidecar's 6 decimals), not new file-sourced ones; a name changed there applies.
            if (owned.FirstOrDefault(f => !seen.Contains(f) && SameBox(f, region)) is { } mine)
            {
                seen.Add(mine);
                await OwnedFaceRegions.ApplyNameAsync(db, mine, region.Name, cancellationToken);
                continue;
            }

            var name = region.Name?.Trim();
            var person = string.IsNullOrEmpty(name) ? null : await PersonResolver.GetOrCreateAsync(db, name, cancellationToken);
            // A region read again unchanged stays the same row: it keeps the descriptor vision gave it.
            var same = stale.FirstOrDefault(f => SameBox(f, region) && f.PersonId == person?.Id);
            if (same is not null)
            {
                stale.Remove(same);
                continue;
            }

            item.Faces.Add(new Face
            {
                ItemId = item.Id, PersonId = person?.Id, X = region.X, Y = region.Y, Width = region.Width,
                Height = region.Height, Source = AssociationSource.File, Origin = region.Source,
            });
        }

        item.Faces.RemoveAll(stale.Contains);
        var removed = owned.Where(f => !seen.Contains(f) && OwnedFaceRegions.WasRemoved(f, analysis)).ToList();
        item.Faces.RemoveAll(removed.Contains);
    }

    private static bool SameBox(Face face, FaceRegion region) =>
        Math.Abs(face.X - region.X) < 1e-4 && Math.Abs(face.Y - region.Y) < 1e-4
        && Math.Abs(face.Width - region.Width) < 1e-4 && Math.Abs(face.Height - region.Height) < 1e-4;

    private static async Task SyncAlbumsAsync(
        FolderPrismDbContext db, MediaItem item, IReadOnlyList<string> albums, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<int, Album>();
        foreach (var name in albums.Select(a => a.Trim()).Where(a => a.Length > 0))
        {
            var album = await db.Albums.SingleOrDefaultAsync(a => a.Name == name, cancellationToken);
            if (album is null)
            {
                album = new Album { Name = name, CreatedAt = now };
                db.Albums.Add(album);
                await db.SaveChangesAsync(cancellationToken);
            }

            wanted[album.Id] = album;
        }

        item.Albums.RemoveAll(a => a.Source == AssociationSource.File && !wanted.ContainsKey(a.AlbumId));
        foreach (var album in wanted.Values.Where(w => item.Albums.All(a => a.AlbumId != w.Id)))
        {
            item.Albums.Add(new AlbumItem { AlbumId = album.Id, ItemId = item.Id, Source = AssociationSource.File, AddedAt = now });
        }
    }

    private void SyncSidecars(MediaItem item, IReadOnlyList<string> sidecars)
    {
        var originals = library.Value.OriginalsPath;
        var wanted = sidecars.Select(s => LibraryPaths.ToRelative(originals, s)).Where(LibraryPaths.IsInside)
            .ToHashSet(StringComparer.Ordinal);
        item.Sidecars.RemoveAll(s => !wanted.Contains(s.RelativePath));
        foreach (var path in wanted.Where(w => item.Sidecars.All(s => s.RelativePath != w)))
        {
            item.Sidecars.Add(new ItemSidecar { ItemId = item.Id, RelativePath = path });
        }
    }
}
