namespace FolderPrism.Views.Items;

/// <summary>The index columns a view needs to list one photo, loaded in one projection (no file system access).</summary>
internal sealed record ViewEntry(
    Guid Id, string RelativePath, long Size, DateTime TakenLocal, int? TakenOffsetMinutes, string? ContentHash,
    DateTimeOffset FirstSeenAt);
