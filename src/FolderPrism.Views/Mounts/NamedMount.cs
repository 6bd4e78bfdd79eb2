using FolderPrism.Data;
using FolderPrism.Views.Items;
using FolderPrism.Views.Naming;
using FolderPrism.WebDav.Store;

namespace FolderPrism.Views.Mounts;

/// <summary>
/// A view with one folder per named thing (<c>/People/&lt;name&gt;</c>, <c>/Albums/&lt;album&gt;</c>,
/// <c>/Cameras/&lt;make model&gt;</c>). Folder names are sanitised and made unique by <see cref="FolderNames"/>.
/// <paramref name="findUnlisted"/>, when given, resolves a folder the listing leaves out (a shrinking face cluster), so a
/// client that is still working through it does not lose it halfway.
/// </summary>
internal class NamedMount(
    ViewServices services, ShardedSet set, string name,
    Func<FolderPrismDbContext, CancellationToken, Task<List<NamedKey>>> load, Func<string, ItemFilter> filterFor,
    Func<FolderPrismDbContext, string, CancellationToken, Task<NamedKey?>>? findUnlisted = null)
    : ViewMount(services, set, name)
{
    protected override async Task<IDavItem?> ResolveAsync(IReadOnlyList<string> rest, CancellationToken cancellationToken)
    {
        if (rest.Count == 0)
        {
            return Folder(RootPath, async ct => (await NamesAsync(ct))
                .Select(n => (IDavItem)Set.Folder(RootPath.Child(n.Name), filterFor(n.Value.Key), Shard.All)).ToList());
        }

        var match = await FindAsync(rest[0], cancellationToken);
        return match is null ? null
            : await Set.ResolveAsync(RootPath.Child(rest[0]), filterFor(match.Key), Shard.All, rest.Skip(1).ToArray(), cancellationToken);
    }

    /// <summary>The thing whose folder is called <paramref name="folderName"/>, or null.</summary>
    public async Task<NamedKey?> FindAsync(string folderName, CancellationToken cancellationToken)
    {
        foreach (var (value, folder) in await NamesAsync(cancellationToken))
        {
            if (string.Equals(folder, folderName, StringComparison.Ordinal))
            {
                return value;
            }
        }

        if (findUnlisted is null)
        {
            return null;
        }

        await using var db = await Services.Contexts.CreateDbContextAsync(cancellationToken);
        return await findUnlisted(db, folderName, cancellationToken);
    }

    private async Task<List<(NamedKey Value, string Name)>> NamesAsync(CancellationToken cancellationToken)
    {
        await using var db = await Services.Contexts.CreateDbContextAsync(cancellationToken);
        return FolderNames.Assign(await load(db, cancellationToken), k => k.Name, k => k.Key);
    }
}
