namespace FolderPrism.Indexing.Import;

/// <summary>One input file: where it is readable now, and how the report names it (the path as given).</summary>
internal sealed record ImportFile(string FullPath, string Label, bool FromArchive)
{
    public string Name => Path.GetFileName(FullPath);

    public bool IsXmp => Path.GetExtension(FullPath).Equals(".xmp", StringComparison.OrdinalIgnoreCase);
}
