namespace FolderPrism.Data.Entities;

/// <summary>
/// One of the 7 bit-bands (6 of 9 bits, one of 10) of an item's perceptual hash, with the whole hash. Two hashes at most
/// 6 bits apart agree on at least one band (pigeonhole), so the near-duplicate candidates of an item are found by
/// seeking <c>(Band, Value)</c> instead of comparing it with every photo. Maintained by SQLite triggers on
/// <c>MediaItems</c> (migration <c>NearDuplicates</c>), whichever code path writes the hash.
/// </summary>
public sealed class PerceptualBand
{
    public Guid ItemId { get; set; }

    public int Band { get; set; }

    public int Value { get; set; }

    /// <summary>The item's whole perceptual hash: the candidates' distances are computed from the band index alone.</summary>
    public long Hash { get; set; }
}
