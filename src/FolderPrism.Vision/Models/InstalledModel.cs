namespace FolderPrism.Vision.Models;

/// <summary>One converted model recorded in the store's manifest: file, checksum and where it came from.</summary>
public sealed record InstalledModel(string Id, string File, string Sha256, long Size, string Source, string Integrity);
