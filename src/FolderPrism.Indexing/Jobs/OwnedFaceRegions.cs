using System.Globalization;
using FolderPrism.Core.Library;
using FolderPrism.Core.Media;
using FolderPrism.Data;

namespace FolderPrism.Indexing.Jobs;

/// <summary>
/// Sidecar edits by other programs on the regions of faces FolderPrism owns (detected, drawn by hand), which the
/// sidecar writer puts in the MWG list. The region's name is compared with <see cref="Face.SidecarName"/> — what the
/// sidecar said when FolderPrism last wrote or read it — so only a change made in the sidecar counts, never a sidecar
/// that merely lags behind the index:
/// <list type="bullet">
/// <item>a new name (digiKam/Lightroom renamed the face): the face goes to that person (created if new), leaves its
/// cluster, and the person it had is remembered as rejected, as a rename in <c>People/</c> would;</item>
/// <item>the name removed: the face is unassigned and that person rejected (like deleting it from <c>People/X</c>);</item>
/// <item>the region removed (the sidecar states regions and this face's is gone): the face is deleted — the user said it
/// is not a face worth keeping, and keeping it would write the box back into the sidecar at the next edit.</item>
/// </list>
/// A name on a region FolderPrism has no record of (<see cref="Face.SidecarName"/> null) is taken when it differs from
/// the face's person; a missing name there means nothing.
/// </summary>
internal static class OwnedFaceRegions
{
    /// <summary>Applies a matched region's name (null/empty: none); returns nothing, edits <paramref name="face"/>.</summary>
    public static async Task ApplyNameAsync(FolderPrismDbContext db, Face face, string? regionName, CancellationToken cancellationToken)
    {
        var name = regionName?.Trim() ?? string.Empty;
        var known = face.SidecarName;
        face.SidecarName = name;
        if (known is not null && string.Equals(known, name, StringComparison.Ordinal))
        {
            return; // unchanged in the sidecar since FolderPrism last saw it
        }

        var current = face.PersonId is { } id ? (await db.People.FindAsync([id], cancellationToken))?.Name : null;
        if (name.Length > 0)
        {
            if (!string.Equals(current, name, StringComparison.OrdinalIgnoreCase))
            {
                var person = await PersonResolver.GetOrCreateAsync(db, name, cancellationToken);
                Reject(face);
                face.PersonId = person.Id;
                face.ClusterId = null;
            }
        }
        else if (known is { Length: > 0 } && current is not null)
        {
            Reject(face);
            face.PersonId = null;
            face.ClusterId = null;
        }
    }

    /// <summary>True when <paramref name="face"/>'s region was in the sidecar and a re-read of regions the sidecar states no longer has it.</summary>
    public static bool WasRemoved(Face face, MediaAnalysis analysis) => analysis.FacesFromSidecar && face.SidecarName is not null;

    // Same token format as FolderPrism.Vision.Library.FaceRecords (p<personId>), which the indexer does not reference.
    private static void Reject(Face face)
    {
        if (face.PersonId is not { } id)
        {
            return;
        }

        var token = "p" + id.ToString(CultureInfo.InvariantCulture);
        var set = (face.Rejections ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (set.Add(token))
        {
            face.Rejections = string.Join(' ', set.Order(StringComparer.Ordinal));
        }
    }
}
