using System.CommandLine;
using FolderPrism.Host.Configuration;
using FolderPrism.Host.Startup;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism version</c>: prints the informational version.</summary>
internal sealed class VersionVerb : ICliVerb
{
    public string? Parent => null;

    public Command Build(CliContext context)
    {
        var command = new Command("version", "Print the version");
        command.SetAction(async (_, cancellationToken) =>
        {
            await context.Console.Out.WriteLineAsync($"folderprism {AppVersion.Informational}".AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
