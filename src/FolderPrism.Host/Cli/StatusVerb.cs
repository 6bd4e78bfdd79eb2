using System.CommandLine;
using FolderPrism.Data.Users;
using FolderPrism.Host.Configuration;
using FolderPrism.Host.Startup;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism status</c>: paths, counts, and whether a daemon is running on this data folder.</summary>
internal sealed class StatusVerb : ICliVerb
{
    public string? Parent => null;

    public Command Build(CliContext context)
    {
        var command = new Command("status", "Show library, database and daemon state");
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                var users = await session.Services.GetRequiredService<UserStore>().CountAsync(ct);
                var daemon = await DaemonProbe.DescribeAsync(session.Data.FullPath, ct);
                var output = session.Console.Out;
                await output.WriteLineAsync($"library:  {Path.GetFullPath(session.Library.Path)}".AsMemory(), ct);
                await output.WriteLineAsync($"data:     {session.Data.FullPath}".AsMemory(), ct);
                await output.WriteLineAsync($"database: {session.Data.DatabasePath}".AsMemory(), ct);
                await output.WriteLineAsync($"users:    {users}".AsMemory(), ct);
                await output.WriteLineAsync($"daemon:   {daemon}".AsMemory(), ct);
                return ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }
}
