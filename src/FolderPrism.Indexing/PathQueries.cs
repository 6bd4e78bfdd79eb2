using FolderPrism.Core.Library;

namespace FolderPrism.Indexing;

/// <summary>
/// "Everything under this folder" as a range on the path index: <c>folder/ &lt;= path &lt; folder0</c> ('0' follows
/// '/' in byte order). Unlike <c>StartsWith</c> (SQLite LIKE) it is case-sensitive, as file names on Linux are, and
/// uses the unique index instead of scanning every row.
/// </summary>
internal static class PathQueries
{
    public static IQueryable<MediaItem> UnderFolder(this IQueryable<MediaItem> items, string folder)
    {
        var low = folder + "/";
        var high = folder + "0";
        return items.Where(i => string.Compare(i.RelativePath, low) >= 0 && string.Compare(i.RelativePath, high) < 0);
    }

    public static IQueryable<ItemSidecar> UnderFolder(this IQueryable<ItemSidecar> sidecars, string folder)
    {
        var low = folder + "/";
        var high = folder + "0";
        return sidecars.Where(s => string.Compare(s.RelativePath, low) >= 0 && string.Compare(s.RelativePath, high) < 0);
    }
}
