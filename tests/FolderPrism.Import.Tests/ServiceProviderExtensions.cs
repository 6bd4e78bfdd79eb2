using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Import.Tests;

internal static class ServiceProviderExtensions
{
    public static T GetRequiredServiceOf<T>(this IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}
