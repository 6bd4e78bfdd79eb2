namespace FolderPrism.Core.Library;

public sealed class Album
{
    public int Id { get; set; }

    /// <summary>Unique, case-insensitive.</summary>
    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
