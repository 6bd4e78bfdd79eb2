using System.Xml;
using FolderPrism.Core.Library;
using FolderPrism.Indexing.Jobs;
using FolderPrism.Views.Items;
using FolderPrism.Views.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Views.Sidecars;

/// <summary>
/// <see cref="IXmpSidecarWriter"/>: reads the item's associations from the index, merges them into the sidecar chosen
/// by <see cref="SidecarPaths"/> and replaces it atomically (hidden temp file in the same folder, fsync, rename; the
/// indexer ignores dot-files, so only the final rename is seen and re-reads the sidecar).
/// Faces written as MWG regions: every face with a real box, named or not (so a re-read gives the same faces).
/// A box a user drew in the browser is a region like any other. A person added by hand to a whole photo has no box:
/// it goes to Iptc4xmpExt:PersonInImage instead, which the indexer
/// does not read back, so it cannot come back as a second, file-sourced face.
/// </summary>
internal sealed class XmpSidecarWriter(ViewServices services, ILogger<XmpSidecarWriter> logger) : IXmpSidecarWriter
{
    public async Task<string?> WriteAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var (relativePath, content, written) = await LoadAsync(itemId, cancellationToken);
        if (relativePath is null || content is null)
        {
            return null;
        }

        var media = services.FullPath(relativePath);
        if (!File.Exists(media))
        {
            return null;
        }

        var sidecar = SidecarPaths.Choose(media);
        var existing = File.Exists(sidecar) ? await File.ReadAllTextAsync(sidecar, cancellationToken) : null;
        string merged;
        try
        {
            merged = XmpSidecarDocument.Merge(existing, content);
        }
        catch (XmlException e)
        {
            logger.LogWarning("Not writing tags to {Sidecar}: it is not valid XMP ({Message}); the file is left as it is", sidecar, e.Message);
            return null;
        }

        if (string.Equals(existing, merged, StringComparison.Ordinal))
        {
            // Up to date, but its time must still say "after the edit" (AssociationEdits), or re-reads would be ignored.
            File.SetLastWriteTimeUtc(sidecar, AssociationEdits.WriteStamp());
            await RememberWrittenAsync(written, cancellationToken);
            return sidecar;
        }

        await WriteAtomicallyAsync(sidecar, merged, cancellationToken);
        await RememberWrittenAsync(written, cancellationToken);
        logger.LogDebug("Wrote {Sidecar}", sidecar);
        return sidecar;
    }

    /// <summary>
    /// Records what the sidecar now says about each face FolderPrism owns (<see cref="Face.SidecarName"/>), after the
    /// file is in place, so a later re-read can tell a name changed in digiKam/Lightroom from a sidecar that lags.
    /// </summary>
    private async Task RememberWrittenAsync(IReadOnlyList<(long Id, string Name)> written, CancellationToken cancellationToken)
    {
        if (written.Count == 0)
        {
            return;
        }

        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        foreach (var group in written.GroupBy(w => w.Name, StringComparer.Ordinal))
        {
            var ids = group.Select(w => w.Id).ToList();
            await db.Faces.Where(f => ids.Contains(f.Id)).ExecuteUpdateAsync(u => u.SetProperty(f => f.SidecarName, group.Key), cancellationToken);
        }
    }

    private async Task<(string? Path, SidecarContent? Content, IReadOnlyList<(long Id, string Name)> Written)> LoadAsync(Guid itemId, CancellationToken cancellationToken)
    {
        await using var db = await services.Contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.MediaItems.AsNoTracking().Where(i => i.Id == itemId && i.State == ItemState.Present && i.TrashedAt == null)
            .Select(i => new { i.RelativePath, i.Width, i.Height, i.Orientation }).FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return (null, null, []);
        }

        var tags = await db.ItemTags.AsNoTracking().Where(t => t.ItemId == itemId).Select(t => t.Tag!.FullPath).ToListAsync(cancellationToken);
        var faces = await db.Faces.AsNoTracking().Where(f => f.ItemId == itemId)
            .Select(f => new { f.Id, f.X, f.Y, f.Width, f.Height, f.Origin, f.Source, Name = f.Person == null ? null : f.Person.Name })
            .ToListAsync(cancellationToken);
        var albums = await db.AlbumItems.AsNoTracking().Where(a => a.ItemId == itemId).Select(a => a.Album!.Name).ToListAsync(cancellationToken);

        var boxed = faces.Where(f => !PeopleKind.IsWholePhoto(f.Source, f.Origin, f.Width, f.Height))
            .OrderBy(f => f.Y).ThenBy(f => f.X).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => SidecarRegion.FromUpright(f.Name, f.X, f.Y, f.Width, f.Height, item.Orientation)).ToList();
        var content = new SidecarContent(
            Subjects: Sorted(tags.Where(t => !t.Contains('|'))),
            Hierarchical: Sorted(tags.Where(t => t.Contains('|'))),
            Regions: boxed,
            People: Sorted(faces.Select(f => f.Name).OfType<string>()),
            Albums: Sorted(albums),
            Width: item.Width,
            Height: item.Height);
        var written = faces.Where(f => f.Source != AssociationSource.File && !PeopleKind.IsWholePhoto(f.Source, f.Origin, f.Width, f.Height))
            .Select(f => (f.Id, f.Name ?? string.Empty)).ToList();
        return (item.RelativePath, content, written);
    }

    private static List<string> Sorted(IEnumerable<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temp = Path.Join(Path.GetDirectoryName(path), "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(text), cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            // The file system's clock is coarse (it can lag the edit's stamp by milliseconds): stamp from the edits' clock.
            File.SetLastWriteTimeUtc(temp, AssociationEdits.WriteStamp());
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
