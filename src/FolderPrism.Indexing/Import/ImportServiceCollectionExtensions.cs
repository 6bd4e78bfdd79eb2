using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Indexing.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>
    /// Registers the import engine (journal, indexer hand-off, report writer) and, when <paramref name="watchImportFolder"/>,
    /// the <c>Import/</c> folder service. Needs <c>AddFolderPrismIndexing</c> and an <c>IMediaAnalyzer</c>.
    /// </summary>
    public static IServiceCollection AddFolderPrismImport(this IServiceCollection services, bool watchImportFolder = true)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName);
        services.AddSingleton<ImportIndexer>();
        services.AddSingleton<ImportJournal>();
        services.AddSingleton<ImportEngine>();
        if (watchImportFolder)
        {
            services.AddHostedService<ImportFolderService>();
        }

        return services;
    }
}
