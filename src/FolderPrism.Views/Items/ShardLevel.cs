namespace FolderPrism.Views.Items;

internal enum ShardLevel
{
    All = 0,
    Year = 1,
    Month = 2,
    Day = 3,
}
