using FolderPrism.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace FolderPrism.Host.Configuration;

/// <summary>
/// The configuration layers, lowest precedence first: defaults (the options classes) → appsettings.json next to
/// the binary → appsettings.json in the working directory → <c>--config FILE</c> → environment
/// <c>FOLDERPRISM__Section__Key</c> → command-line options (and test overrides).
/// </summary>
public static class FolderPrismConfiguration
{
    public const string EnvironmentPrefix = "FOLDERPRISM__";
    public const string FileName = "appsettings.json";

    /// <summary>Adds every layer to <paramref name="builder"/>; a missing or malformed file becomes a <see cref="SettingsException"/>.</summary>
    public static void AddLayers(IConfigurationBuilder builder, ServeSettings settings)
    {
        var besideBinary = Path.Combine(AppContext.BaseDirectory, FileName);
        var inWorkingDir = Path.GetFullPath(FileName);
        AddJson(builder, besideBinary, optional: true);
        if (!string.Equals(besideBinary, inWorkingDir, StringComparison.Ordinal))
        {
            AddJson(builder, inWorkingDir, optional: true);
        }

        if (!string.IsNullOrWhiteSpace(settings.ConfigFile))
        {
            var file = Path.GetFullPath(settings.ConfigFile);
            if (!File.Exists(file))
            {
                throw new SettingsException($"--config: file '{file}' does not exist");
            }

            AddJson(builder, file, optional: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);

        var cli = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (settings.LibraryPath is not null)
        {
            cli[$"{LibraryOptions.SectionName}:Path"] = settings.LibraryPath;
        }

        if (settings.DataPath is not null)
        {
            cli[$"{DataOptions.SectionName}:Path"] = settings.DataPath;
        }

        if (settings.Urls is not null)
        {
            cli[ServerOptions.UrlsKey] = settings.Urls;
        }

        foreach (var (key, value) in settings.Overrides)
        {
            cli[key] = value;
        }

        builder.AddInMemoryCollection(cli);
    }

    /// <summary>Builds a standalone configuration (CLI verbs other than <c>serve</c>).</summary>
    public static IConfigurationRoot Build(ServeSettings settings)
    {
        var builder = new ConfigurationBuilder();
        AddLayers(builder, settings);
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new SettingsException(OneLine(e));
        }
    }

    private static void AddJson(IConfigurationBuilder builder, string path, bool optional)
    {
        try
        {
            // A ConfigurationManager (WebApplicationBuilder) loads the file right here; a plain builder on Build().
            builder.AddJsonFile(path, optional, reloadOnChange: false);
        }
        catch (InvalidDataException e)
        {
            throw new SettingsException(OneLine(e));
        }
    }

    private static string OneLine(InvalidDataException e)
    {
        Exception innermost = e;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return $"{e.Message.TrimEnd('.')}: {innermost.Message}".ReplaceLineEndings(" ");
    }
}
