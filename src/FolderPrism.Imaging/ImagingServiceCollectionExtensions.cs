using FolderPrism.Core.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FolderPrism.Imaging;

/// <summary>DI entry point for thumbnailing and perceptual hashing (NetVips).</summary>
public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMediaProcessor"/> as a singleton (it owns the decode concurrency limit) with
    /// <see cref="ImagingOptions"/> defaults; bind configuration with the overload taking a section.
    /// </summary>
    public static IServiceCollection AddFolderPrismImaging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ImagingOptions>();
        services.AddOptions<Core.Configuration.DataOptions>();
        services.TryAddSingleton<VipsMediaProcessor>();
        services.TryAddSingleton<IMediaProcessor>(sp => sp.GetRequiredService<VipsMediaProcessor>());
        return services;
    }

    /// <summary>Same as <see cref="AddFolderPrismImaging(IServiceCollection)"/>, binding the <c>Imaging</c> section.</summary>
    public static IServiceCollection AddFolderPrismImaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddFolderPrismImaging();
        services.Configure<ImagingOptions>(configuration.GetSection(ImagingOptions.SectionName));
        return services;
    }
}
