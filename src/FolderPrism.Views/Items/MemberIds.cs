using FolderPrism.Data;

namespace FolderPrism.Views.Items;

/// <summary>
/// The ids of exactly the items a view's filter matches, read from the association's own index (a tag's links by
/// <c>TagId</c>), visible or not. Lets a whole-view listing settle "over the folder limit?" and load a small view by
/// key instead of walking the date index and probing the association for every visible item.
/// </summary>
internal delegate IQueryable<Guid> MemberIds(FolderPrismDbContext db);
