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
    /// older installs stay at their fixed 512). The default is the trained 512: at 384 or 448 the wine glasses and tie
    /// of a group photo (face-api's sample1.jpg) are no longer found, only the people. 384 costs about half the CPU, so
    /// a slow box that only needs people and large objects may lower it.
    /// </summary>
    public int InputSize { get; set; } = 512;
}
