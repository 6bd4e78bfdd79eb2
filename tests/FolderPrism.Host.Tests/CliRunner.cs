using FolderPrism.Host.Cli;

namespace FolderPrism.Host.Tests;

/// <summary>Runs the real CLI in-process with captured streams.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string[] args, string stdin = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await FolderPrismCli.RunAsync(args, new CliConsole(new StringReader(stdin), output, error), TestContext.Timeout);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
