namespace FolderPrism.Vision.Faces;

/// <summary>
/// Which faces are good enough to cluster (configuration section <c>Vision:Quality</c>). Small, blurred or
/// low-score faces give unreliable descriptors and would chain unrelated people together, so they are stored but
/// not clustered.
/// </summary>
public sealed class FaceQualityOptions
{
    /// <summary>Minimum shorter side of the face box, in original pixels.</summary>
    public double MinSize { get; set; } = 40;

    /// <summary>Minimum detector score.</summary>
    public double MinScore { get; set; } = 0.7;

    /// <summary>Minimum Laplacian variance of the aligned 224 px crop: ~100 px faces of a sharp photo measure 13–22,
    /// the same faces after a 5 px Gaussian blur measure below 1.</summary>
    public double MinSharpness { get; set; } = 5;

    /// <summary>
    /// Compute descriptors for faces that fail size or score too (they are never clustered, so by default the
    /// descriptor network — the costliest step on group photos — is skipped for them).
    /// </summary>
    public bool EmbedAll { get; set; }

    /// <summary>Size and score pass: worth a descriptor (sharpness is only known after cropping).</summary>
    public bool IsWorthEmbedding(DetectedFace face) =>
        EmbedAll || (Math.Min(face.Box.Width, face.Box.Height) >= MinSize && face.Score >= MinScore);

    public bool IsClusterable(DetectedFace face, FaceEmbedding embedding) =>
        !embedding.IsEmpty && Math.Min(face.Box.Width, face.Box.Height) >= MinSize && face.Score >= MinScore && embedding.Sharpness >= MinSharpness;
}
