namespace FolderPrism.Data.Entities;

/// <summary>
/// A WebDAV dead property (set by a client with PROPPATCH) on one resource path. Stored here rather than in extended
/// attributes so it survives restarts on any file system and can be fetched for a whole folder listing in one query.
/// </summary>
public sealed class DeadProperty
{
    public long Id { get; set; }

    /// <summary>Normalised (NFC) DAV path of the resource without trailing slash, e.g. <c>/Originals/a/b.jpg</c>.</summary>
    public required string Path { get; set; }

    /// <summary>Path of the parent collection (<c>/</c> for top-level items), so a Depth 1 listing is one indexed query.</summary>
    public required string Parent { get; set; }

    public required string Namespace { get; set; }

    public required string Name { get; set; }

    /// <summary>Inner XML of the property element, written back verbatim.</summary>
    public required string Value { get; set; }
}
