using System.CommandLine;
using FolderPrism.Data.Users;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism users remove NAME</c> (the last admin cannot be removed).</summary>
internal sealed class UsersRemoveVerb : ICliVerb
{
    public string? Parent => "users";

    public Command Build(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "User name" };
        var command = new Command("remove", "Remove a user") { name };
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                var userName = result.GetRequiredValue(name);
                await session.Services.GetRequiredService<UserStore>().RemoveAsync(userName, ct);
                await session.Console.Out.WriteLineAsync($"removed user '{userName}'".AsMemory(), ct);
                return ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }
}
