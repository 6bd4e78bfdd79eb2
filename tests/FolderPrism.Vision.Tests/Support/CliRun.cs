using FolderPrism.Host.Cli;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Runs the real <c>folderprism</c> CLI in-process with captured streams.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var code = await FolderPrismCli.RunAsync(args, new CliConsole(new StringReader(string.Empty), output, error), timeout.Token);
        return (code, output.ToString(), error.ToString());
    }
}
