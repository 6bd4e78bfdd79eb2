using System.Collections.Concurrent;
using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// When each item's tags, people or albums were last edited in FolderPrism (the views), so the index never applies an
/// XMP sidecar read BEFORE such an edit: the sidecar writer rewrites the sidecar after the edit, but a re-index that
/// had already read the old sidecar would otherwise bring a just-removed tag back (and the writer would then write it
/// back to the file). Editors stamp an item before they change the database; the sidecar writer gives the files it
/// writes a modification time from the same clock, so the next read after the rewrite is newer and applies normally.
/// In memory: the sidecar write queue is too, and an analysis is read and applied within one job run. Stamps older
/// than <see cref="Retention"/> are dropped (by then any stale read has long been applied or superseded).
/// </summary>
public sealed class AssociationEdits
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private const int PruneAbove = 4096;

    private readonly ConcurrentDictionary<Guid, DateTime> _edited = new();

    /// <summary>Stamps the items as edited now; call BEFORE the change is committed.</summary>
    public void Editing(IEnumerable<Guid> itemIds)
    {
        var now = DateTime.UtcNow;
        foreach (var id in itemIds)
        {
            _edited[id] = now;
        }

        if (_edited.Count > PruneAbove)
        {
            foreach (var (id, at) in _edited)
            {
                if (now - at > Retention)
                {
                    _edited.TryRemove(new KeyValuePair<Guid, DateTime>(id, at));
                }
            }
        }
    }

    /// <summary>The time the sidecar writer gives a file it wrote: from the same clock as the stamps, never before them.</summary>
    public static DateTime WriteStamp() => DateTime.UtcNow;

    /// <summary>True when <paramref name="analysis"/> read an XMP sidecar last modified before the item's last edit.</summary>
    public bool PredatesEdit(Guid itemId, MediaAnalysis analysis) =>
        analysis.XmpSidecarsModifiedUtc is { } read && _edited.TryGetValue(itemId, out var edited) && read < edited
        && DateTime.UtcNow - edited <= Retention;
}
