namespace FolderPrism.Core.Library;

/// <summary>A named person. Created from named XMP face regions even without any face recognition.</summary>
public sealed class Person
{
    public int Id { get; set; }

    /// <summary>Unique, case-insensitive.</summary>
    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
