namespace FolderPrism.Data.Entities;

/// <summary>
/// One tag link of a visible item (present, not trashed, dated) with the item's capture time: a per-tag date index,
/// so a search such as <c>tag:beach year:2019</c> settles "over the folder limit?" and finds its members from one
/// index range instead of walking the date index and probing each item's tag links. Maintained only by SQLite
/// triggers on <c>ItemTags</c> and <c>MediaItems</c> (migration <c>TagDates</c>) in the same transaction as the change,
/// whichever code path makes it; <see cref="TakenLocal"/> is the item's own stored value, copied as is.
/// </summary>
public sealed class TagDate
{
    public int TagId { get; set; }

    public DateTime TakenLocal { get; set; }

    public Guid ItemId { get; set; }
}
