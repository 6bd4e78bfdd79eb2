namespace FolderPrism.Vision;

/// <summary>Wall-clock and thread-CPU time of one analysis stage.</summary>
public readonly record struct VisionStageTime(TimeSpan Wall, TimeSpan Cpu)
{
    public static VisionStageTime operator +(VisionStageTime a, VisionStageTime b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu);
}
