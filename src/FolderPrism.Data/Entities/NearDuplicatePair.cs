namespace FolderPrism.Data.Entities;

/// <summary>
/// Two library images that are the same photo by the import's near-duplicate rule (perceptual distance, aspect,
/// capture time), stored both ways round so either item finds its pairs by a key seek. Found when an item gets its
/// perceptual hash, not at request time: the Duplicates view only joins the stored pairs into groups. Rows of any
/// state count (a trashed item keeps its pairs for when it is restored); the view checks visibility. Triggers on
/// <c>MediaItems</c> drop an item's pairs when it is deleted or its hash, size or date changes.
/// </summary>
public sealed class NearDuplicatePair
{
    public Guid ItemId { get; set; }

    public Guid OtherId { get; set; }
}
