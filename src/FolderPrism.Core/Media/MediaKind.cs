namespace FolderPrism.Core.Media;

public enum MediaKind
{
    Unknown = 0,
    Image = 1,
    Video = 2,
}
