using FolderPrism.Core.Media;
using FolderPrism.Imaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FolderPrism.Indexing.Metadata;

/// <summary>DI entry point for per-file analysis (metadata, sidecars, dates, content hash) used by indexing and import.</summary>
public static class MediaAnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMediaAnalyzer"/> (stateless singleton) with <see cref="MediaAnalysisOptions"/> defaults,
    /// plus <see cref="IMediaProcessor"/> via <see cref="ImagingServiceCollectionExtensions.AddFolderPrismImaging(IServiceCollection)"/>.
    /// </summary>
    public static IServiceCollection AddFolderPrismMediaAnalysis(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddOptions<MediaAnalysisOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMediaAnalyzer, MediaAnalyzer>();
        services.AddFolderPrismImaging();
        return services;
    }

    /// <summary>Same, binding the <c>MediaAnalysis</c> and <c>Imaging</c> configuration sections.</summary>
    public static IServiceCollection AddFolderPrismMediaAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddFolderPrismMediaAnalysis();
        services.Configure<MediaAnalysisOptions>(configuration.GetSection(MediaAnalysisOptions.SectionName));
        services.AddFolderPrismImaging(configuration);
        return services;
    }
}
