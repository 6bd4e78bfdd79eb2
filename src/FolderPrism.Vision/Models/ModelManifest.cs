namespace FolderPrism.Vision.Models;

/// <summary>Contents of <c>models.json</c> in the models directory.</summary>
public sealed record ModelManifest(DateTimeOffset InstalledAt, string ConverterVersion, IReadOnlyList<InstalledModel> Models);
