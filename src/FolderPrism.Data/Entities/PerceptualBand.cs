namespace FolderPrism.Data.Entities;

/// <summary>
/// An image's perceptual hash cut into 7 bit-bands (<c>B0</c>…<c>B5</c> of 9 bits, <c>B6</c> of 10), each indexed. Two
/// hashes at most 6 bits apart agree on at least one band (pigeonhole), so the near-duplicate candidates of an item are
/// found by 7 index seeks instead of comparing it with every photo. One row per item (not one per band): 7 small
/// integer indexes cost a fifth of a (band, value, hash, id) row per band with its text ids. Maintained by SQLite
/// triggers on <c>MediaItems</c> (migration <c>NearDuplicates</c>), whichever code path writes the hash.
/// </summary>
public sealed class PerceptualBand
{
    public Guid ItemId { get; set; }

    /// <summary>The item's whole perceptual hash: the candidates' distances are computed without reading MediaItems.</summary>
    public long Hash { get; set; }

    public int B0 { get; set; }

    public int B1 { get; set; }

    public int B2 { get; set; }

    public int B3 { get; set; }

    public int B4 { get; set; }

    public int B5 { get; set; }

    public int B6 { get; set; }
}
