namespace FolderPrism.Data.Entities;

/// <summary>
/// An item whose near-duplicate pairs are to be (re)computed: queued by the <c>MediaItems</c> triggers when its
/// perceptual hash, dimensions or date change, and by the migration for every hashed item of an upgraded library,
/// so the matching runs in the background (the indexer drains the queue) and never in a request.
/// </summary>
public sealed class NearDuplicatePending
{
    public Guid ItemId { get; set; }
}
