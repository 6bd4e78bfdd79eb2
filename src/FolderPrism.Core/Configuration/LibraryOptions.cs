namespace FolderPrism.Core.Configuration;

/// <summary>Where the photo library lives (configuration section <c>Library</c>).</summary>
public sealed class LibraryOptions
{
    public const string SectionName = "Library";

    /// <summary>Root folder holding <c>Originals/</c> and <c>Import/</c>; created if missing.</summary>
    public string Path { get; set; } = "./library";

    public string OriginalsPath => System.IO.Path.Combine(System.IO.Path.GetFullPath(Path), "Originals");

    public string ImportPath => System.IO.Path.Combine(System.IO.Path.GetFullPath(Path), "Import");
}
