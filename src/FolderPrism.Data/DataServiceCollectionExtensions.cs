using FolderPrism.Core.Configuration;
using FolderPrism.Data.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FolderPrism.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the SQLite context factory on the database under <see cref="DataOptions.DatabasePath"/>.</summary>
    public static IServiceCollection AddFolderPrismData(this IServiceCollection services)
    {
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddSingleton<StartupReads>();
        services.AddDbContextFactory<FolderPrismDbContext>((sp, options) =>
        {
            var data = sp.GetRequiredService<IOptions<DataOptions>>().Value;
            Directory.CreateDirectory(data.FullPath);
            options.UseSqlite(ConnectionStringFor(data.DatabasePath))
                .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
        });
        return services;
    }

    public static string ConnectionStringFor(string databasePath) =>
        $"Data Source={databasePath};Pooling=True";
}
