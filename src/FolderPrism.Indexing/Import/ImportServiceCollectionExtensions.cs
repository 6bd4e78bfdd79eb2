using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Indexing.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>
    /// Registers the import engine (journal, index hand-off) used by the <c>import</c> verb and the <c>Import/</c>
    /// folder. Needs <c>AddFolderPrismIndexing</c>, <c>IMediaAnalyzer</c> and <c>IMediaProcessor</c>.
    /// </summary>
    public static IServiceCollection AddFolderPrismImport(this IServiceCollection services) => services.AddFolderPrismImport(false);

    /// <summary>Same, plus the daemon's <see cref="ImportFolderService"/> watching <c>Import/</c> when <paramref name="watchImportFolder"/>.</summary>
    public static IServiceCollection AddFolderPrismImport(this IServiceCollection services, bool watchImportFolder)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName);
        services.AddSingleton<ImportFingerprinter>();
        services.AddSingleton<ImportIndexer>();
        services.AddSingleton<ImportJournal>();
        services.AddSingleton<ImportEngine>();
        if (watchImportFolder)
        {
            services.AddSingleton<ImportFolderService>();
            services.AddHostedService(sp => sp.GetRequiredService<ImportFolderService>());
        }

        return services;
    }
}
