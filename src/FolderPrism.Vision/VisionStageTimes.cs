namespace FolderPrism.Vision;

/// <summary>
/// Where one photo's analysis spent its time, wall clock and CPU of the analysing thread per stage, so the worker can
/// log (and the benchmark print) per-stage figures. <see cref="FromPreview"/> says whether the indexer's preview was
/// decoded instead of the original.
/// </summary>
public sealed record VisionStageTimes(
    VisionStageTime Decode,
    VisionStageTime Labels,
    VisionStageTime Faces,
    VisionStageTime Descriptors,
    int Embedded,
    bool FromPreview);
