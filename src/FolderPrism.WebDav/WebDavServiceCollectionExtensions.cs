using FolderPrism.Core.Configuration;
using FolderPrism.WebDav.Handlers;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Locking;
using FolderPrism.WebDav.Properties;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FolderPrism.WebDav;

public static class WebDavServiceCollectionExtensions
{
    /// <summary>
    /// Registers the WebDAV store, handlers and property managers. Mounts are <see cref="IDavMount"/> singletons:
    /// later issues add virtual top-level folders by registering more of them.
    /// </summary>
    public static IServiceCollection AddFolderPrismWebDav(this IServiceCollection services)
    {
        services.AddOptions<WebDavOptions>().BindConfiguration(WebDavOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LivePropertyCatalog>();
        services.AddSingleton<ContentTypeMap>();
        services.TryAddSingleton<IEntityTagProvider, FileStatEntityTagProvider>();
        services.AddSingleton<IDavMount>(sp => CreateMount(sp, "Originals", o => o.OriginalsPath));
        services.AddSingleton<IDavMount>(sp => CreateMount(sp, "Import", o => o.ImportPath));
        services.AddSingleton<IDavStore, DavStore>();
        services.AddSingleton<IDeadPropertyStore, SqliteDeadPropertyStore>();
        services.AddSingleton<ILockManager, InMemoryLockManager>();
        services.AddSingleton<WriteGuard>();
        services.AddSingleton<DavWriteCounter>();
        services.AddSingleton<CopyMoveOperation>();
        services.AddSingleton<IDavMethodHandler, OptionsHandler>();
        services.AddSingleton<IDavMethodHandler, PropFindHandler>();
        services.AddSingleton<IDavMethodHandler, PropPatchHandler>();
        services.AddSingleton<IDavMethodHandler, GetHandler>();
        services.AddSingleton<IDavMethodHandler, PutHandler>();
        services.AddSingleton<IDavMethodHandler, MkColHandler>();
        services.AddSingleton<IDavMethodHandler, DeleteHandler>();
        services.AddSingleton<IDavMethodHandler, CopyHandler>();
        services.AddSingleton<IDavMethodHandler, MoveHandler>();
        services.AddSingleton<IDavMethodHandler, LockHandler>();
        services.AddSingleton<IDavMethodHandler, UnlockHandler>();
        return services;
    }

    /// <summary>Serves WebDAV for every request that reaches it (mount after auth and /healthz).</summary>
    public static IApplicationBuilder UseFolderPrismWebDav(this IApplicationBuilder app)
    {
        // Resolving the store creates Originals/ and Import/ at start-up rather than on the first request.
        _ = app.ApplicationServices.GetRequiredService<IDavStore>();
        return app.UseMiddleware<DavMiddleware>();
    }

    private static FileSystemMount CreateMount(IServiceProvider sp, string name, Func<LibraryOptions, string> path)
    {
        var library = sp.GetRequiredService<IOptions<LibraryOptions>>().Value;
        Directory.CreateDirectory(library.Path);
        return new FileSystemMount(name, path(library), Path.GetFullPath(library.Path),
            sp.GetRequiredService<LivePropertyCatalog>(), sp.GetRequiredService<ContentTypeMap>(),
            sp.GetRequiredService<IEntityTagProvider>());
    }
}
