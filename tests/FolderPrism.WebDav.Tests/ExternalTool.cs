using System.Diagnostics;

namespace FolderPrism.WebDav.Tests;

/// <summary>Runs a command-line client (litmus, rclone, curl) and captures its output.</summary>
public static class ExternalTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? env = null,
        TimeSpan? timeout = null)
    {
        var (exit, stdout, stderr) = await RunSplitAsync(file, args, workingDirectory, env, timeout);
        return (exit, stdout + stderr);
    }

    /// <summary>Like <see cref="RunAsync"/> but keeps standard output and standard error apart.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunSplitAsync(
        string file, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? env = null,
        TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish: {await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
