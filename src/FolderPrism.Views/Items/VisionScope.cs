namespace FolderPrism.Views.Items;

/// <summary>
/// Which cached listings can depend on vision data (faces, people, labels), by the view their key names
/// (<c>set:/Timeline/2020</c>, <c>dir:/People</c>, <c>duplicates:Duplicates</c>, …). An allow-list of the views known
/// to read none of it; every other view (People, Labels, Search, Review, any new one) is treated as reading it, so a
/// view added later is refreshed too rather than served stale.
/// </summary>
internal sealed class VisionScope(IReadOnlySet<string> independent)
{
    public static VisionScope For(ViewOptions options) => new(new HashSet<string>(StringComparer.Ordinal)
    {
        options.Timeline, options.Tags, options.Cameras, options.Videos, options.Favorites, options.Duplicates,
        options.Albums, options.Trash,
    });

    public bool ReadsVision(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var rest = key.AsSpan(colon + 1).TrimStart('/');
        var end = rest.IndexOfAny('/', ':');
        var view = (end < 0 ? rest : rest[..end]).ToString();
        return !independent.Contains(view);
    }
}
