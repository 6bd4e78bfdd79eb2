namespace FolderPrism.Vision.Library;

/// <summary>What analysing one <see cref="PendingPhoto"/> gave: a result, or why the photo could not be analysed.</summary>
public sealed record VisionOutcome(PendingPhoto Photo, PhotoVisionResult? Result, string? Error);
