namespace FolderPrism.Core.Configuration;

/// <summary>Where the daemon keeps its own state (configuration section <c>Data</c>): database, thumbnails, logs.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    public string Path { get; set; } = "./data";

    public string FullPath => System.IO.Path.GetFullPath(Path);

    public string DatabasePath => System.IO.Path.Combine(FullPath, "folderprism.db");

    public string ThumbnailsPath => System.IO.Path.Combine(FullPath, "thumbs");

    public string LogsPath => System.IO.Path.Combine(FullPath, "logs");
}
