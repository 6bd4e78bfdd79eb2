using System.CommandLine;

namespace FolderPrism.Host.Cli;

/// <summary>The <c>folderprism</c> command line: a root command plus every <see cref="ICliVerb"/> in this assembly.</summary>
public static class FolderPrismCli
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = CreateRootCommand(new CliContext(console));
        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            // serve handles SIGINT/SIGTERM itself (graceful shutdown, systemd stop); short verbs just end.
            ProcessTerminationTimeout = null,
        };
        return root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }

    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("FolderPrism — a photo library served over WebDAV");
        root.Options.Add(context.Library);
        root.Options.Add(context.Data);
        root.Options.Add(context.Config);

        var verbs = typeof(FolderPrismCli).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliVerb).IsAssignableFrom(t))
            .Select(t => (ICliVerb)Activator.CreateInstance(t)!)
            .Select(v => (v.Parent, Command: v.Build(context)))
            .OrderBy(v => v.Command.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var (_, command) in verbs.Where(v => v.Parent is null))
        {
            root.Subcommands.Add(command);
        }

        foreach (var (parent, command) in verbs.Where(v => v.Parent is not null))
        {
            var owner = root.Subcommands.FirstOrDefault(c => c.Name == parent)
                ?? throw new InvalidOperationException($"verb '{command.Name}' names unknown parent '{parent}'");
            owner.Subcommands.Add(command);
        }

        return root;
    }
}
