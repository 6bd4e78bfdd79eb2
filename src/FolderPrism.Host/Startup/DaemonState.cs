namespace FolderPrism.Host.Startup;

/// <summary>Contents of <c>data/daemon.json</c>: written by a running daemon, read by <c>folderprism status</c>.</summary>
public sealed record DaemonState(int Pid, IReadOnlyList<string> Urls, DateTimeOffset StartedAt, string Version)
{
    public const string FileName = "daemon.json";
}
