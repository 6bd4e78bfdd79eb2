using System.CommandLine;
using FolderPrism.Data.Users;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism users passwd NAME [--password-stdin]</c>; a running daemon notices within seconds.</summary>
internal sealed class UsersPasswdVerb : ICliVerb
{
    public string? Parent => "users";

    public Command Build(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "User name" };
        var stdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the new password from the first line of stdin (otherwise one is generated and printed)",
        };
        var command = new Command("passwd", "Set a user's password") { name, stdin };
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                var userName = result.GetRequiredValue(name);
                var (password, generated) = await PasswordInput.ReadAsync(session.Console, result.GetValue(stdin), ct);
                await session.Services.GetRequiredService<UserStore>().SetPasswordAsync(userName, password, ct);
                await session.Console.Out.WriteLineAsync($"password of '{userName}' changed".AsMemory(), ct);
                if (generated)
                {
                    await session.Console.Out.WriteLineAsync($"password: {password}".AsMemory(), ct);
                }

                return ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }
}
