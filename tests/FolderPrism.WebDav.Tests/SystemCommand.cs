using System.Diagnostics;

namespace FolderPrism.WebDav.Tests;

/// <summary>
/// Runs short system commands (mount, umount, chattr) synchronously: they are used from attribute constructors
/// (skip decisions at discovery) and from test clean-up, where there is nothing to await.
/// </summary>
public static class SystemCommand
{
    /// <summary>Runs the command; null when it exited 0, otherwise its exit code and output (why it failed).</summary>
    public static string? TryRun(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return $"{file} {string.Join(' ', args)} did not finish in 30 s";
            }

            return process.ExitCode == 0
                ? null
                : $"{file} {string.Join(' ', args)} exited {process.ExitCode}: {(stdout.Result + stderr.Result).Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{file} cannot be started: {e.Message}";
        }
    }

    /// <summary>Runs the command and throws with its output when it fails.</summary>
    public static void Run(string file, params string[] args)
    {
        if (TryRun(file, args) is { } failure)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
