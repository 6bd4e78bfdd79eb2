using FolderPrism.Indexing.Import;
using FolderPrism.Views.Items;

namespace FolderPrism.Views.Duplicates;

/// <summary>
/// Stored near-duplicate pairs between visible items, with those items as view entries and as the
/// <see cref="PhotoVersion"/>s the kept photo is ranked by (the ranking import uses).
/// </summary>
internal sealed record NearDuplicateSet(
    Dictionary<Guid, ViewEntry> Entries, Dictionary<Guid, PhotoVersion> Versions, List<(Guid A, Guid B)> Pairs)
{
    public static NearDuplicateSet Empty => new([], [], []);
}
