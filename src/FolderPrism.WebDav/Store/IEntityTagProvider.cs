namespace FolderPrism.WebDav.Store;

/// <summary>
/// Computes the strong ETag of a real file. It must be cheap (called for every listed file) and stable; the default
/// derives it from size and mtime, and a later issue can register one backed by the content hash stored at index
/// time so every view of the same photo shares one ETag.
/// </summary>
public interface IEntityTagProvider
{
    /// <summary>A quoted strong entity tag for <paramref name="file"/>.</summary>
    string GetETag(FileInfo file);
}
