using System.CommandLine;
using System.Globalization;
using FolderPrism.Core.Users;
using FolderPrism.Data.Users;
using FolderPrism.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism users list</c>: name, role and creation time, one user per line.</summary>
internal sealed class UsersListVerb : ICliVerb
{
    public string? Parent => "users";

    public Command Build(CliContext context)
    {
        var command = new Command("list", "List users");
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                var users = await session.Services.GetRequiredService<UserStore>().ListAsync(ct);
                var width = Math.Max(4, users.Select(u => u.Name.Length).DefaultIfEmpty(0).Max());
                var output = session.Console.Out;
                await output.WriteLineAsync($"{"NAME".PadRight(width)}  {"ROLE",-6}  CREATED".AsMemory(), ct);
                foreach (var user in users)
                {
                    var created = user.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    await output.WriteLineAsync($"{user.Name.PadRight(width)}  {RoleNames.Of(user.Role),-6}  {created}".AsMemory(), ct);
                }

                return ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }
}
