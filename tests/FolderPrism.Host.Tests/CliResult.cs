namespace FolderPrism.Host.Tests;

/// <summary>Exit code and captured output of one CLI run.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
