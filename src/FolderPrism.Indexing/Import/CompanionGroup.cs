namespace FolderPrism.Indexing.Import;

/// <summary>
/// Files of one folder sharing a base name — RAW+JPEG, live photo HEIC/JPG+MOV, a photo and its XMP sidecar — that
/// must land in the same folder under a common base name.
/// </summary>
internal sealed record CompanionGroup(string Folder, string Stem, IReadOnlyList<ImportFile> Media, IReadOnlyList<ImportFile> Xmp);
