namespace FolderPrism.Core.Media;

public enum ThumbnailSize
{
    /// <summary>~256 px, for grids.</summary>
    Small = 256,
    /// <summary>~1440 px, for a screen preview.</summary>
    Preview = 1440,
}
