namespace FolderPrism.Core.Library;

/// <summary>
/// A machine label on an item (a COCO object class such as <c>dog</c>) with the detector's best score. A label the
/// user removed stays as a row with <see cref="Rejected"/> set, so re-running vision does not bring it back.
/// </summary>
public sealed class Label
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    /// <summary>Lower-case COCO label, e.g. <c>dog</c>, <c>traffic light</c>.</summary>
    public required string Name { get; set; }

    public double Score { get; set; }

    public bool Rejected { get; set; }

    public DateTimeOffset DetectedAt { get; set; }
}
