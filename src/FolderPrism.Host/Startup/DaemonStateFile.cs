using System.Text.Json;
using FolderPrism.Core.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FolderPrism.Host.Startup;

/// <summary>
/// Publishes the running daemon's pid and bound URLs in <c>data/daemon.json</c> once it listens, and removes
/// the file on shutdown, so <c>status</c> (another process) can find and probe it.
/// </summary>
internal sealed partial class DaemonStateFile(
    IHostApplicationLifetime lifetime, IServer server, IOptions<DataOptions> data, TimeProvider clock,
    ILogger<DaemonStateFile> logger) : IHostedService
{
    public string FilePath => Path.Combine(data.Value.FullPath, DaemonState.FileName);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Write);
        lifetime.ApplicationStopping.Register(Delete);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static DaemonState? Read(string dataPath)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(dataPath, DaemonState.FileName)), DaemonStateJson.Default.DaemonState);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private void Write()
    {
        try
        {
            WriteAtomically();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The daemon works without it; only `status` loses sight of it.
            LogWriteFailed(FilePath, e.Message);
        }
    }

    private void WriteAtomically()
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var state = new DaemonState(Environment.ProcessId, urls, clock.GetUtcNow(), AppVersion.Informational);
        var temp = FilePath + $".{Environment.ProcessId}.tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, state, DaemonStateJson.Default.DaemonState);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, FilePath, overwrite: true);
    }

    private void Delete()
    {
        // Only remove our own file: a second daemon on the same data folder may have replaced it.
        try
        {
            if (Read(data.Value.FullPath)?.Pid == Environment.ProcessId)
            {
                File.Delete(FilePath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(FilePath, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update {Path}: {Reason}")]
    private partial void LogWriteFailed(string path, string reason);
}
