using System.Text.RegularExpressions;
using FolderPrism.Core.Configuration;
using FolderPrism.Host.Health;
using FolderPrism.Imaging;
using FolderPrism.Indexing;
using FolderPrism.Indexing.Import;
using FolderPrism.Indexing.Metadata;
using FolderPrism.Views;
using FolderPrism.Vision;
using FolderPrism.WebDav;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Configuration;

/// <summary>Binds and validates the typed options every verb uses, and checks them before anything else starts.</summary>
public static partial class OptionsRegistration
{
    // Sections the workers bind later, and single values read with GetValue: checked here only for values that
    // cannot convert (a TimeSpan of "banana"), which would otherwise stop a worker or the host with a stack trace.
    // OptionsRegistrationTests fails when an options class with a SectionName is in neither place.
    internal static readonly (string Section, Type Type)[] LaterBoundSections =
    [
        (IndexingOptions.SectionName, typeof(IndexingOptions)),
        (ImportOptions.SectionName, typeof(ImportOptions)),
        (MediaAnalysisOptions.SectionName, typeof(MediaAnalysisOptions)),
        (ImagingOptions.SectionName, typeof(ImagingOptions)),
        (VisionOptions.SectionName, typeof(VisionOptions)),
        (PeopleViewOptions.SectionName, typeof(PeopleViewOptions)),
        (ViewOptions.SectionName, typeof(ViewOptions)),
    ];

    private static readonly (string Key, Type Type)[] LaterReadValues =
    [
        (NativeHeapTrimService.ReleaseAtStartKey, typeof(bool)),
        (NativeHeapTrimService.IntervalKey, typeof(int)),
        (MemoryReportService.IntervalKey, typeof(int)),
    ];

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
            foreach (var (section, type) in LaterBoundSections)
            {
                configuration.GetSection(section).Get(type);
            }

            foreach (var (key, type) in LaterReadValues)
            {
                configuration.GetValue(type, key);
            }
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
            // e.g. FOLDERPRISM__Indexing__Debounce=banana: the binder names the key and the type in its message.
            throw new SettingsException(ConversionError().Match(e.Message) is { Success: true } m
                ? $"{m.Groups["key"].Value}: '{m.Groups["value"].Value}' is not a valid {FriendlyType(m.Groups["type"].Value)}".ReplaceLineEndings(" ")
                : e.Message.ReplaceLineEndings(" "));
        }
    }

    private static string FriendlyType(string type) => type switch
    {
        "System.TimeSpan" => "time span (hh:mm:ss)",
        "System.Boolean" => "boolean (true or false)",
        "System.Int32" or "System.Int64" => "whole number",
        "System.Double" => "number",
        _ => type,
    };

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex ConversionError();
}
