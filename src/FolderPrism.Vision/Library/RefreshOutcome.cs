namespace FolderPrism.Vision.Library;

/// <summary>New descriptors for one <see cref="StalePhoto"/> (face id → vector, empty when not embeddable) or why it failed.</summary>
public sealed record RefreshOutcome(StalePhoto Photo, IReadOnlyDictionary<long, (float[] Vector, bool Clusterable)> Descriptors, string? Error);
