namespace FolderPrism.Core.Library;

/// <summary>A small named fact about the index (e.g. when the last reconcile finished), for status and scheduling.</summary>
public sealed class IndexMarker
{
    public required string Name { get; set; }

    public string? Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
