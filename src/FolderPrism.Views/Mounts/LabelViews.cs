using FolderPrism.Data;
using FolderPrism.Views.Items;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Mounts;

/// <summary>The loader and filter behind <c>Labels/&lt;label&gt;</c>: machine labels (COCO objects) not rejected by the user.</summary>
internal static class LabelViews
{
    public static async Task<List<NamedKey>> LoadAsync(FolderPrismDbContext db, CancellationToken cancellationToken) =>
        (await ItemQueries.Visible(db).Join(db.Labels.Where(l => !l.Rejected), i => i.Id, l => l.ItemId, (_, l) => l.Name)
            .Distinct().ToListAsync(cancellationToken))
        .Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Select(n => new NamedKey(n, n)).ToList();

    public static ItemFilter Filter(string key) =>
        (db, items) => items.Where(i => db.Labels.Any(l => l.ItemId == i.Id && !l.Rejected && l.Name == key));
}
