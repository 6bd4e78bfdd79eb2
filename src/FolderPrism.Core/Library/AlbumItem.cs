namespace FolderPrism.Core.Library;

public sealed class AlbumItem
{
    public int AlbumId { get; set; }

    public Album? Album { get; set; }

    public Guid ItemId { get; set; }

    public AssociationSource Source { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
