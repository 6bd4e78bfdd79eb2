namespace FolderPrism.Core.Library;

/// <summary>
/// Where a tag, face or album link came from. Links read from the file (or its sidecars) are replaced whenever the file
/// is re-analysed; links a user made are never touched by indexing.
/// </summary>
public enum AssociationSource
{
    File = 0,
    User = 1,
    Import = 2,
    Recognition = 3,
}
