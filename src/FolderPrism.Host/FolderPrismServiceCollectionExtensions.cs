using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Data.Users;
using FolderPrism.Host.Auth;
using FolderPrism.Host.Configuration;
using FolderPrism.Indexing;
using FolderPrism.Indexing.Import;
using FolderPrism.Indexing.Metadata;
using FolderPrism.Vision;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FolderPrism.Host;

/// <summary>Services shared by the daemon and every CLI verb (options, database, users) and the daemon-only auth services.</summary>
public static class FolderPrismServiceCollectionExtensions
{
    public static IServiceCollection AddFolderPrismCore(
        this IServiceCollection services, IConfiguration configuration, ServeSettings settings)
    {
        services.AddFolderPrismOptions(configuration);
        services.AddSingleton(settings.TimeProvider ?? TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(new PasswordHasher(settings.PasswordIterations ?? PasswordHasher.DefaultIterations));
        services.AddFolderPrismData();
        services.TryAddSingleton<DatabaseMigrator>();
        services.AddSingleton<UserStore>();
        services.TryAddSingleton(configuration);
        services.AddFolderPrismMediaAnalysis(configuration);
        services.AddFolderPrismIndexing(runInBackground: false);
        services.AddFolderPrismImport();
        services.AddFolderPrismVision(configuration);
        return services;
    }

    internal static IServiceCollection AddFolderPrismAuth(this IServiceCollection services)
    {
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<CredentialCache>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<BasicAuthenticator>();
        return services;
    }
}
