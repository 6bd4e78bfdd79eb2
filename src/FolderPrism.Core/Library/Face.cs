namespace FolderPrism.Core.Library;

/// <summary>
/// A face rectangle on an item (normalised 0..1 of the upright image, EXIF orientation applied), optionally assigned
/// to a person. Faces come from XMP regions (<see cref="AssociationSource.File"/>), from a user
/// (<see cref="AssociationSource.User"/>) or from face detection (<see cref="AssociationSource.Recognition"/>); detected
/// faces also carry score, landmarks, descriptor and the unnamed cluster the clustering job put them in.
/// </summary>
public sealed class Face
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    public int? PersonId { get; set; }

    public Person? Person { get; set; }

    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public AssociationSource Source { get; set; }

    /// <summary>Which format the region came from (e.g. <c>mwg</c>, <c>microsoft</c>), or the recogniser's name.</summary>
    public string? Origin { get; set; }

    /// <summary>Upright pixel size of the image the box was measured on (null for XMP regions: use the item's size).</summary>
    public int? ImageWidth { get; set; }

    public int? ImageHeight { get; set; }

    /// <summary>Detector confidence 0..1; null for faces nobody scored (XMP, manual).</summary>
    public double? Score { get; set; }

    /// <summary>Landmarks normalised like the box, as <c>x,y;x,y;…</c> (invariant culture); null when unknown.</summary>
    public string? Landmarks { get; set; }

    /// <summary>L2-normalised face descriptor as little-endian float32; null until embedded.</summary>
    public byte[]? Embedding { get; set; }

    /// <summary>Passed the quality filter (size, sharpness, score): may seed or join clusters.</summary>
    public bool Clusterable { get; set; }

    /// <summary>Unnamed cluster (<c>People/Unknown N</c>) from the last clustering run; null when named or unclustered.</summary>
    public long? ClusterId { get; set; }

    /// <summary>
    /// Groupings a user removed this face from and that it must never get again: space-separated tokens
    /// <c>p&lt;personId&gt;</c> and <c>c&lt;clusterId&gt;</c>.
    /// </summary>
    public string? Rejections { get; set; }

    /// <summary>
    /// The name this face's MWG region had in the XMP sidecar when FolderPrism last wrote or read it (empty: the region
    /// had no name; null: not known to be in the sidecar). A re-read that finds another name, no name or no region
    /// knows another program (digiKam, Lightroom) changed it, rather than the sidecar lagging behind the index. Only
    /// kept for faces FolderPrism owns (detected, drawn by hand); file faces are the sidecar's own.
    /// </summary>
    public string? SidecarName { get; set; }
}
