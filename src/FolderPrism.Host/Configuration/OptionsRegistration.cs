using FolderPrism.Core.Configuration;
using FolderPrism.WebDav;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Configuration;

/// <summary>Binds and validates the typed options every verb uses, and checks them before anything else starts.</summary>
public static class OptionsRegistration
{
    public static IServiceCollection AddFolderPrismOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LibraryOptions>().Bind(configuration.GetSection(LibraryOptions.SectionName)).ValidateOnStart();
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.SectionName)).ValidateOnStart();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ServerOptions>()
            .Configure(o => o.Urls = configuration[ServerOptions.UrlsKey] ?? o.Urls)
            .ValidateOnStart();
        services.AddOptions<WebDavOptions>().Bind(configuration.GetSection(WebDavOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LibraryOptions>, LibraryOptionsValidator>();
        services.AddSingleton<IValidateOptions<DataOptions>, DataOptionsValidator>();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton<IValidateOptions<WebDavOptions>, WebDavOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Binds and validates every option now, so a bad value stops the verb with one line naming the setting
    /// (a <see cref="SettingsException"/>) before a logger, database or socket is opened.
    /// </summary>
    public static void ValidateNow(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddFolderPrismOptions(configuration);
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new SettingsException(e.Message.ReplaceLineEndings(" "));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OptionsValidationException))
        {
            throw new SettingsException(string.Join("; ", e.InnerExceptions.Select(x => x.Message)).ReplaceLineEndings(" "));
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // e.g. FOLDERPRISM__Auth__CacheSeconds=abc: the binder names the key in its message.
            throw new SettingsException(e.Message.ReplaceLineEndings(" "));
        }
    }
}
