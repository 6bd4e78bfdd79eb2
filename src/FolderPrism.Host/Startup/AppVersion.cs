using System.Reflection;

namespace FolderPrism.Host.Startup;

/// <summary>The version stamped into the assembly at build time (<c>folderprism version</c>, daemon.json).</summary>
public static class AppVersion
{
    public static string Informational { get; } =
        typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AppVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
