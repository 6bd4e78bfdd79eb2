using System.Globalization;
using FolderPrism.Data;
using FolderPrism.Views.Items;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Mounts;

/// <summary>
/// The loader and filter behind <c>People/</c>: every named person, plus each unnamed face cluster with at least
/// <see cref="PeopleViewOptions.MinFaces"/> faces as <c>Unknown N</c> (N = the cluster id, stable across runs, so a
/// client's open folder does not change meaning). Cluster keys start with <c>c</c>, person keys are digits.
/// </summary>
internal static class PeopleViews
{
    public const char ClusterPrefix = 'c';

    public static Func<FolderPrismDbContext, CancellationToken, Task<List<NamedKey>>> Loader(PeopleViewOptions options) =>
        async (db, ct) =>
        {
            var people = await NamedViews.PeopleAsync(db, ct);
            var clusters = await db.Faces.AsNoTracking().Where(f => f.PersonId == null && f.ClusterId != null)
                .GroupBy(f => f.ClusterId!.Value).Where(g => g.Count() >= options.MinFaces).Select(g => g.Key).ToListAsync(ct);
            return [.. people, .. clusters.Select(c => new NamedKey(ClusterKey(c), options.UnknownPrefix + c.ToString(CultureInfo.InvariantCulture)))];
        };

    /// <summary>
    /// An <c>Unknown N</c> folder that dropped below <see cref="PeopleViewOptions.MinFaces"/> leaves the listing but
    /// still resolves, under its canonical name, while the cluster has an unassigned face: rclone moves a folder onto an
    /// existing name file by file, and the photos after the first must still be found (they answered 404 before).
    /// </summary>
    public static Func<FolderPrismDbContext, string, CancellationToken, Task<NamedKey?>> Unlisted(PeopleViewOptions options) =>
        async (db, folderName, ct) =>
        {
            var prefix = options.UnknownPrefix;
            if (!folderName.StartsWith(prefix, StringComparison.Ordinal)
                || !long.TryParse(folderName.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var cluster)
                || prefix + cluster.ToString(CultureInfo.InvariantCulture) != folderName)
            {
                return null;
            }

            return await db.Faces.AsNoTracking().AnyAsync(f => f.PersonId == null && f.ClusterId == cluster, ct)
                ? new NamedKey(ClusterKey(cluster), folderName)
                : null;
        };

    public static ItemFilter Filter(string key)
    {
        if (ClusterId(key) is not { } cluster)
        {
            return NamedViews.Person(key);
        }

        return (db, items) => items.Where(i => db.Faces.Any(f => f.ItemId == i.Id && f.PersonId == null && f.ClusterId == cluster));
    }

    public static string ClusterKey(long clusterId) => ClusterPrefix + clusterId.ToString("D10", CultureInfo.InvariantCulture);

    public static long? ClusterId(string key) =>
        key.Length > 1 && key[0] == ClusterPrefix && long.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
