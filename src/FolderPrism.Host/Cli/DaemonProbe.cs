using System.Diagnostics;
using FolderPrism.Host.Startup;

namespace FolderPrism.Host.Cli;

/// <summary>Reads data/daemon.json, checks the pid is alive and asks its /healthz.</summary>
internal static class DaemonProbe
{
    public static async Task<string> DescribeAsync(string dataPath, CancellationToken cancellationToken)
    {
        var state = DaemonStateFile.Read(dataPath);
        if (state is null)
        {
            return "not running";
        }

        if (!IsAlive(state.Pid))
        {
            return $"not running (stale {DaemonState.FileName} from pid {state.Pid})";
        }

        var urls = string.Join(", ", state.Urls);
        var url = state.Urls.FirstOrDefault();
        if (url is null)
        {
            return $"running (pid {state.Pid}), no listen address";
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(Loopback(url)), "/healthz"), cancellationToken);
            var health = response.IsSuccessStatusCode ? "healthy" : $"unhealthy (HTTP {(int)response.StatusCode})";
            return $"running (pid {state.Pid}, {urls}), {health}, version {state.Version}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"running (pid {state.Pid}, {urls}), not answering /healthz ({e.Message})";
        }
    }

    /// <summary>Whether another live process serves this data folder (a stale state file does not count).</summary>
    public static Task<bool> IsRunningAsync(string dataPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = DaemonStateFile.Read(dataPath);
        return Task.FromResult(state is not null && state.Pid != Environment.ProcessId && IsAlive(state.Pid));
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A daemon bound to "any address" is probed on loopback.</summary>
    private static string Loopback(string url) => url
        .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
        .Replace("://[::]", "://[::1]", StringComparison.Ordinal)
        .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
        .Replace("://+", "://127.0.0.1", StringComparison.Ordinal);
}
