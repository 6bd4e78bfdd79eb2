namespace FolderPrism.Core.Library;

/// <summary>A face rectangle on an item (normalised 0..1 of the upright image), optionally assigned to a person.</summary>
public sealed class Face
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    public int? PersonId { get; set; }

    public Person? Person { get; set; }

    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public AssociationSource Source { get; set; }

    /// <summary>Which format the region came from (e.g. <c>mwg</c>, <c>microsoft</c>), or the recogniser's name.</summary>
    public string? Origin { get; set; }
}
