using System.Text;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Paths;
using FolderPrism.WebDav.Properties;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// Forgets the dead properties and locks of what a (possibly partial) recursive delete really removed. After a
/// partial failure the members that could not be deleted, and their ancestors up to the deleted root (folders that
/// stay because they are not empty), keep theirs; everything else below the root is gone and loses them.
/// </summary>
internal static class DeletedTree
{
    public static async Task ForgetAsync(
        IDeadPropertyStore deadProperties, ILockManager locks, DavPath root,
        IReadOnlyCollection<(DavPath Path, bool Collection)> failures, CancellationToken cancellationToken)
    {
        if (failures.Count == 0)
        {
            await deadProperties.DeleteAsync(root, cancellationToken);
            locks.RemoveWithin(root);
            return;
        }

        var survivors = Survivors(root, failures);
        await deadProperties.DeleteExceptAsync(root, survivors, cancellationToken);
        locks.RemoveWithinExcept(root, survivors);
    }

    /// <summary>The failed paths and their ancestors within <paramref name="root"/>, in the NFC form keys use.</summary>
    internal static HashSet<DavPath> Survivors(DavPath root, IEnumerable<(DavPath Path, bool Collection)> failures)
    {
        var survivors = new HashSet<DavPath>();
        foreach (var (failed, _) in failures)
        {
            // Failure paths are built from names read off the disk, which need not be NFC (files made outside WebDAV).
            var key = DavPath.FromSegments(failed.Segments.Select(s => s.Normalize(NormalizationForm.FormC)));
            for (DavPath? p = key; p is not null && root.Contains(p) && survivors.Add(p); p = p.Parent)
            {
            }
        }

        return survivors;
    }
}
