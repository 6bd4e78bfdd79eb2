// Composition root: everything the process does is a CLI verb (see Cli/; `serve` runs the daemon).
using FolderPrism.Host.Cli;

return await FolderPrismCli.RunAsync(args, CliConsole.System, CancellationToken.None);
