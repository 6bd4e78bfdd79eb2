using System.Globalization;
using FolderPrism.Data;
using FolderPrism.Views.Items;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Mounts;

/// <summary>The loaders and filters behind People, Albums and Cameras.</summary>
internal static class NamedViews
{
    public static string IdKey(int id) => id.ToString("D10", CultureInfo.InvariantCulture);

    public static async Task<List<NamedKey>> PeopleAsync(FolderPrismDbContext db, CancellationToken cancellationToken) =>
        (await db.People.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
        .Select(p => new NamedKey(IdKey(p.Id), p.Name)).ToList();

    public static ItemFilter Person(string key)
    {
        var id = int.Parse(key, CultureInfo.InvariantCulture);
        return (db, items) => items.Where(i => db.Faces.Any(f => f.ItemId == i.Id && f.PersonId == id));
    }

    public static async Task<List<NamedKey>> AlbumsAsync(FolderPrismDbContext db, CancellationToken cancellationToken) =>
        (await db.Albums.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
        .Select(a => new NamedKey(IdKey(a.Id), a.Name)).ToList();

    public static ItemFilter Album(string key)
    {
        var id = int.Parse(key, CultureInfo.InvariantCulture);
        return (db, items) => items.Where(i => db.AlbumItems.Any(a => a.ItemId == i.Id && a.AlbumId == id));
    }

    public static async Task<List<NamedKey>> CamerasAsync(FolderPrismDbContext db, CancellationToken cancellationToken) =>
        (await ItemQueries.Visible(db).Where(i => i.Make != null || i.Model != null)
            .Select(i => new { i.Make, i.Model }).Distinct().ToListAsync(cancellationToken))
        .Select(c => new NamedKey(CameraKey(c.Make, c.Model), CameraName(c.Make, c.Model))).ToList();

    public static ItemFilter Camera(string key)
    {
        var parts = key.Split('\u0001');
        var make = parts[0].Length == 0 ? null : parts[0];
        var model = parts[1].Length == 0 ? null : parts[1];
        return (_, items) => items.Where(i => i.Make == make && i.Model == model);
    }

    /// <summary>"Canon EOS 5D" rather than "Canon Canon EOS 5D" when the model already names the maker.</summary>
    public static string CameraName(string? make, string? model)
    {
        make = make?.Trim();
        model = model?.Trim();
        if (string.IsNullOrEmpty(model))
        {
            return make ?? "Unknown";
        }

        if (string.IsNullOrEmpty(make) || model.StartsWith(make.Split(' ')[0], StringComparison.OrdinalIgnoreCase))
        {
            return model;
        }

        return make + " " + model;
    }

    private static string CameraKey(string? make, string? model) => (make ?? string.Empty) + "\u0001" + (model ?? string.Empty);
}
