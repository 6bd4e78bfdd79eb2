namespace FolderPrism.Core.Media;

/// <summary>
/// Lightroom, digiKam and Bridge write every level of a hierarchical keyword (lr:hierarchicalSubject
/// <c>Places|France|Paris</c>) into the flat dc:subject list as well (<c>Places</c>, <c>France</c>, <c>Paris</c>), so that
/// programs without hierarchy still find them. Taken literally, each photo tagged that way would also appear in
/// top-level <c>Tags/France</c> and <c>Tags/Paris</c> folders beside <c>Tags/Places/France/Paris</c>; digiKam reads such
/// files as the hierarchy alone, and so does FolderPrism.
/// </summary>
public static class KeywordHierarchy
{
    /// <summary>
    /// The flat keywords that are not a level of one of <paramref name="hierarchical"/> (levels split on '|', compared
    /// case-insensitively after trimming), in their original order.
    /// </summary>
    public static IReadOnlyList<string> FlatOnly(IEnumerable<string> keywords, IEnumerable<string> hierarchical)
    {
        var levels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in hierarchical)
        {
            levels.UnionWith(path.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        return [.. keywords.Select(k => k.Trim()).Where(k => k.Length > 0 && !levels.Contains(k))];
    }
}
