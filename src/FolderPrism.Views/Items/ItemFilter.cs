using FolderPrism.Core.Library;
using FolderPrism.Data;

namespace FolderPrism.Views.Items;

/// <summary>Narrows the visible items to one view (a tag, a person, a search...), as a composable SQL query.</summary>
internal delegate IQueryable<MediaItem> ItemFilter(FolderPrismDbContext db, IQueryable<MediaItem> items);
