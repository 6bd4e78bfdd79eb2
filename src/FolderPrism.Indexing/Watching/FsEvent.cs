namespace FolderPrism.Indexing.Watching;

/// <summary>A raw file-system notification, with paths relative to <c>Originals/</c>.</summary>
public sealed record FsEvent(FsEventKind Kind, string? RelativePath, string? OldRelativePath = null);
