using FolderPrism.Core.Media;
using FolderPrism.Views.Items;
using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Mounts;

/// <summary><c>/Review/</c>: photos whose date only came from file times, and damaged files.</summary>
internal sealed class ReviewMount(ViewServices services, ShardedSet set) : ViewMount(services, set, services.Options.Review)
{
    private static readonly ItemFilter FileDates = (_, items) => items.Where(i => i.TakenSource == DateSource.FileTime);
    private static readonly ItemFilter Damaged = (_, items) => items.Where(i => i.IsDamaged);

    protected override async Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken)
    {
        if (rest.Count == 0)
        {
            return Folder(RootPath, _ => Task.FromResult<IEnumerable<IDavItem>>(
            [
                Set.Folder(RootPath.Child(Services.Options.ReviewDamaged), Damaged, Shard.All),
                Set.Folder(RootPath.Child(Services.Options.ReviewFileDates), FileDates, Shard.All),
            ]));
        }

        var filter = rest[0] == Services.Options.ReviewFileDates ? FileDates : rest[0] == Services.Options.ReviewDamaged ? Damaged : null;
        return filter is null ? null : await Set.ResolveAsync(RootPath.Child(rest[0]), filter, Shard.All, rest.Skip(1).ToArray(), cancellationToken);
    }
}
