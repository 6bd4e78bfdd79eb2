namespace FolderPrism.Vision.Objects;

/// <summary>Object labelling settings (configuration section <c>Vision:Labels</c>).</summary>
public sealed class ObjectDetectionOptions
{
    /// <summary>Heatmap score from which an object counts as present and becomes a machine label. Calibrated on the
    /// three-men photo: its people peak at 0.36–0.55 while background clutter (books, a tie) stays below 0.27.</summary>
    public double MinScore { get; set; } = 0.3;

    /// <summary>Overlap above which two boxes of one class are the same object.</summary>
    public double IouThreshold { get; set; } = 0.5;

    public int MaxObjects { get; set; } = 50;

    /// <summary>
    /// CenterNet's square input edge in pixels (a multiple of 32; used when the installed model has a dynamic input,
    /// older installs stay at their fixed 512). 384 is what meets the 2-core budget (make bench-vision, 200 photos:
    /// 5.3 photos/s and 392 MB peak at 384 against 4.2 photos/s and 450 MB at the trained 512). It loses small objects:
    /// in face-api's group photo sample1.jpg it finds the people but not the wine glasses and tie found at 512 (448
    /// misses them too), so a box with CPU to spare should set 512.
    /// </summary>
    public int InputSize { get; set; } = 384;
}
