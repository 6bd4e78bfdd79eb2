namespace FolderPrism.Core.Library;

/// <summary>A sidecar file (XMP, Takeout JSON) that contributed to an item, so a change to it re-analyses the item.</summary>
public sealed class ItemSidecar
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    /// <summary>Relative to <c>Originals/</c>, '/' separators.</summary>
    public required string RelativePath { get; set; }
}
