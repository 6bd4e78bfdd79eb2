namespace FolderPrism.Views.Naming;

/// <summary>
/// Unique folder names for named things (tags, people, albums, cameras): sanitised, and when two sanitise to the same
/// name (case-insensitively), the one with the lowest key keeps it and the others get <c>~key</c>.
/// </summary>
internal static class FolderNames
{
    public static List<(T Value, string Name)> Assign<T>(IEnumerable<T> values, Func<T, string> name, Func<T, string> key)
    {
        var named = values.Select(v => (Value: v, Name: NameSanitizer.Folder(name(v)))).ToList();
        var result = new List<(T, string)>(named.Count);
        foreach (var group in named.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase))
        {
            var first = true;
            foreach (var (value, folder) in group.OrderBy(g => key(g.Value), StringComparer.Ordinal))
            {
                result.Add((value, first ? folder : NameSanitizer.Folder(folder + " ~" + key(value))));
                first = false;
            }
        }

        return result.OrderBy(r => r.Item2, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
