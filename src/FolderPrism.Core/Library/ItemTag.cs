namespace FolderPrism.Core.Library;

public sealed class ItemTag
{
    public Guid ItemId { get; set; }

    public int TagId { get; set; }

    public Tag? Tag { get; set; }

    public AssociationSource Source { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
