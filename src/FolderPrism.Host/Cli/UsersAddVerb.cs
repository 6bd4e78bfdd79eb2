using System.CommandLine;
using FolderPrism.Core.Users;
using FolderPrism.Data.Users;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism users add NAME [--role admin|editor|viewer] [--password-stdin]</c>.</summary>
internal sealed class UsersAddVerb : ICliVerb
{
    public string? Parent => "users";

    public Command Build(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "User name (letters, digits, '.', '_', '-')" };
        var role = new Option<string>("--role")
        {
            Description = "viewer (read only), editor (read/write) or admin (also manages users)",
            DefaultValueFactory = _ => RoleNames.Viewer,
        };
        role.AcceptOnlyFromAmong(RoleNames.Viewer, RoleNames.Editor, RoleNames.Admin);
        var stdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the password from the first line of stdin (otherwise one is generated and printed)",
        };
        var command = new Command("add", "Add a user") { name, role, stdin };
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                RoleNames.TryParse(result.GetValue(role), out var parsedRole);
                var userName = result.GetRequiredValue(name);
                var (password, generated) = await PasswordInput.ReadAsync(session.Console, result.GetValue(stdin), ct);
                var user = await session.Services.GetRequiredService<UserStore>().AddAsync(userName, parsedRole, password, ct);
                await session.Console.Out.WriteLineAsync($"added user '{user.Name}' ({RoleNames.Of(user.Role)})".AsMemory(), ct);
                if (generated)
                {
                    await session.Console.Out.WriteLineAsync($"password: {password}".AsMemory(), ct);
                }

                return ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }
}
