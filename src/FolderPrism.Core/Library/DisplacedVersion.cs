namespace FolderPrism.Core.Library;

/// <summary>
/// A lesser version of a photo (downscaled, recompressed or stripped copy) that import kept out of <c>Originals/</c>
/// because a better version of the same photo is the library item. The file lives in the holding area until the user
/// deletes it; the group is the kept item plus its displaced versions.
/// </summary>
public sealed class DisplacedVersion
{
    public long Id { get; set; }

    /// <summary>The library item that is the photo (the best version).</summary>
    public Guid KeptItemId { get; set; }

    /// <summary>Path relative to the holding area ('/' separators).</summary>
    public required string HoldingPath { get; set; }

    /// <summary>Where the file came from (as given to import).</summary>
    public required string OriginalSource { get; set; }

    public required string ContentHash { get; set; }

    public long Size { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public string? MimeType { get; set; }

    /// <summary>Perceptual-hash distance to the kept version.</summary>
    public int Distance { get; set; }

    public DateTimeOffset DisplacedAt { get; set; }
}
