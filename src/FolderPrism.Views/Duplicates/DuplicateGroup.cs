using FolderPrism.Core.Library;
using FolderPrism.Views.Items;

namespace FolderPrism.Views.Duplicates;

/// <summary>
/// One duplicate group: the kept photo, other library items with the very same bytes (exact duplicates inside
/// Originals/), and the lesser versions import held back (<see cref="DisplacedVersion"/>).
/// </summary>
internal sealed record DuplicateGroup(ViewEntry Kept, List<ViewEntry> Members, List<DisplacedVersion> Displaced)
{
    /// <summary>The folder's name: the kept photo's view name with its extension dot turned into a space.</summary>
    public string FolderName { get; set; } = "";
}
