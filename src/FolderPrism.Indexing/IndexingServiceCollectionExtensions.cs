using FolderPrism.Indexing.Jobs;
using FolderPrism.Indexing.Scanning;
using FolderPrism.Indexing.Status;
using FolderPrism.Indexing.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Indexing;

public static class IndexingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the index pipeline (watcher, reconciler, persistent job queue and workers, status, the <c>index</c>
    /// verb's runner) and its hosted services. Needs <c>AddFolderPrismData</c>, bound <c>LibraryOptions</c>, and
    /// implementations of <c>IMediaAnalyzer</c> and <c>IMediaProcessor</c> registered by the caller.
    /// </summary>
    public static IServiceCollection AddFolderPrismIndexing(this IServiceCollection services, bool runInBackground = true)
    {
        services.AddOptions<IndexingOptions>().BindConfiguration(IndexingOptions.SectionName);
        services.AddSingleton<IgnoreRules>();
        services.AddSingleton<IndexWriteGate>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<AssociationEdits>();
        services.AddSingleton<AnalysisApplier>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<Import.NearDuplicateLinker>();
        services.AddSingleton<JobWorkerPool>();
        services.AddSingleton<IndexWriter>();
        services.AddSingleton<ReconcileScanner>();
        services.AddSingleton<ReconcileTrigger>();
        services.AddSingleton<ChangeCoalescer>();
        services.AddSingleton<IndexStatusService>();
        services.AddSingleton<IndexCommandRunner>();
        services.AddSingleton<LibraryWatcherService>();
        services.AddSingleton<JobWorkerService>();
        if (runInBackground)
        {
            services.AddFolderPrismIndexingWorkers();
        }

        return services;
    }

    /// <summary>
    /// Starts the watcher and the job workers as hosted services (the daemon only; CLI verbs run jobs themselves).
    /// Register after the start-up task that migrates the database: hosted services start in registration order.
    /// </summary>
    public static IServiceCollection AddFolderPrismIndexingWorkers(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<LibraryWatcherService>());
        services.AddHostedService(sp => sp.GetRequiredService<JobWorkerService>());
        return services;
    }
}
