using System.Diagnostics;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Runs a real command-line tool (exiftool, ...) and returns its standard output; a non-zero exit fails the test.</summary>
internal static class Tool
{
    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{tool}: {await error}");
        return output;
    }
}
