namespace FolderPrism.Views.Items;

/// <summary>
/// Where in a view's date split a folder sits: the whole view, one year, one month, one day, or one numbered part of a
/// day. Folders over the entry limit split one level further, always the same way.
/// </summary>
internal sealed record Shard(ShardLevel Level, DateTime? From, DateTime? To, int Part = 0)
{
    public static Shard All { get; } = new(ShardLevel.All, null, null);

    public static Shard Year(int year) => new(ShardLevel.Year, new DateTime(year, 1, 1), new DateTime(year, 1, 1).AddYears(1));

    public static Shard Month(int year, int month) =>
        new(ShardLevel.Month, new DateTime(year, month, 1), new DateTime(year, month, 1).AddMonths(1));

    public static Shard Day(DateTime day) => new(ShardLevel.Day, day.Date, day.Date.AddDays(1));
}
