namespace FolderPrism.Core.Library;

/// <summary>
/// A keyword. Hierarchical keywords (Lightroom <c>A|B|C</c>) are a chain of tags linked by <see cref="ParentId"/>;
/// <see cref="FullPath"/> is the whole chain and is unique (case-insensitive), a flat keyword is a root tag.
/// </summary>
public sealed class Tag
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Levels joined with '|', e.g. <c>Places|France|Paris</c>.</summary>
    public required string FullPath { get; set; }

    public int? ParentId { get; set; }

    public Tag? Parent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
