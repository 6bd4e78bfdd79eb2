namespace FolderPrism.Core.Media;

public enum DateConfidence
{
    Low = 0,
    Medium = 1,
    High = 2,
}
