using FolderPrism.Core.Media;
using FolderPrism.Views.Browser;
using FolderPrism.Views.ETags;
using FolderPrism.Views.Items;
using FolderPrism.Views.Mounts;
using FolderPrism.Views.Search;
using FolderPrism.Views.Sidecars;
using FolderPrism.Views.Trash;
using FolderPrism.Views.Writes;
using FolderPrism.WebDav.Handlers;
using FolderPrism.WebDav.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FolderPrism.Views;

public static class ViewsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the virtual folders (Timeline, Tags, Labels, People, Albums, Cameras, Videos, Favorites, Review, Search) as
    /// <see cref="IDavMount"/>s and the content-hash ETag provider. Call BEFORE <c>AddFolderPrismWebDav</c>: WebDAV only
    /// adds its stat-based ETag provider when none is registered.
    /// </summary>
    public static IServiceCollection AddFolderPrismViews(this IServiceCollection services)
    {
        services.AddOptions<ViewOptions>().BindConfiguration(ViewOptions.SectionName);
        services.AddSingleton<IEntityTagProvider, IndexedEntityTagProvider>();
        services.AddSingleton<IndexGeneration>();
        services.AddSingleton<ViewServices>();
        services.AddSingleton<IDavBrowserPages, GalleryPages>();
        services.AddSingleton(sp => new ShardedSet(sp.GetRequiredService<ViewServices>()));
        services.AddSingleton<ItemLocator>();
        services.AddSingleton<TrashStore>();
        services.AddSingleton<TrashRepair>();
        services.AddSingleton<IDavRecycleBin, OriginalsRecycleBin>();
        services.AddHostedService<TrashExpiryService>();
        services.AddSingleton<SidecarQueue>();
        services.AddSingleton<IXmpSidecarWriter, XmpSidecarWriter>();
        services.AddHostedService<SidecarSyncService>();
        services.AddSingleton<TagEditor>();
        services.AddSingleton<PeopleKind>();
        services.AddOptions<PeopleViewOptions>().BindConfiguration(PeopleViewOptions.SectionName);
        services.AddSingleton<VisionPeopleKind>();
        services.AddSingleton<ManualFaces>();
        services.AddSingleton<IDavMethodHandler, FaceMarkHandler>();
        services.AddSingleton<LabelsKind>();
        services.AddSingleton<AlbumsKind>();
        services.AddSingleton<TagsMount>();
        services.AddSingleton<IDavMount>(sp => sp.GetRequiredService<TagsMount>());
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) => new AssociationMount(
            s, set, s.Options.Labels, LabelViews.LoadAsync, LabelViews.Filter, sp.GetRequiredService<LabelsKind>(), sp.GetRequiredService<ItemLocator>())));
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) =>
            new TimelineMount(s, set, s.Options.Timeline, (_, items) => items, monthLevel: true, sp.GetRequiredService<TrashStore>())));
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) => new TrashMount(s, sp.GetRequiredService<TrashStore>())));
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) =>
            new TimelineMount(s, set, s.Options.Videos, (_, items) => items.Where(i => i.Kind == MediaKind.Video), monthLevel: false)));
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) =>
        {
            var min = s.Options.FavoriteMinRating;
            return new FilteredMount(s, set, s.Options.Favorites, (_, items) => items.Where(i => i.Rating >= min));
        }));
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) =>
        {
            var people = sp.GetRequiredService<IOptions<PeopleViewOptions>>().Value;
            return new AssociationMount(s, set, s.Options.People, PeopleViews.Loader(people), PeopleViews.Filter,
                sp.GetRequiredService<VisionPeopleKind>(), sp.GetRequiredService<ItemLocator>(), PeopleViews.Unlisted(people));
        }));
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) => new AssociationMount(
            s, set, s.Options.Albums, NamedViews.AlbumsAsync, NamedViews.Album, sp.GetRequiredService<AlbumsKind>(), sp.GetRequiredService<ItemLocator>())));
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) =>
            new NamedMount(s, set, s.Options.Cameras, NamedViews.CamerasAsync, NamedViews.Camera)));
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) => new ReviewMount(s, set)));
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) => new DuplicatesMount(s, set, sp.GetRequiredService<TrashStore>())));
        services.AddSingleton<SavedSearches>();
        services.AddSingleton<IDavMount>(sp => Create(sp, (s, set) => new SearchMount(s, set, sp.GetRequiredService<SavedSearches>())));
        return services;
    }

    private static IDavMount Create(IServiceProvider sp, Func<ViewServices, ShardedSet, IDavMount> factory) =>
        factory(sp.GetRequiredService<ViewServices>(), sp.GetRequiredService<ShardedSet>());
}
