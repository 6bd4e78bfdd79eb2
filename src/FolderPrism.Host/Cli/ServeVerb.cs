using System.CommandLine;
using FolderPrism.Host.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace FolderPrism.Host.Cli;

/// <summary><c>folderprism serve [--urls URLS]</c>: runs the daemon until SIGINT/SIGTERM.</summary>
internal sealed class ServeVerb : ICliVerb
{
    public string? Parent => null;

    public Command Build(CliContext context)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "';'-separated listen URLs, e.g. http://0.0.0.0:5080 for the LAN [Urls]",
        };
        var command = new Command("serve", "Run the daemon (WebDAV server)") { urls };
        command.SetAction((result, cancellationToken) => CliSession.Guard(context.Console, async () =>
        {
            var settings = context.SettingsFrom(result, result.GetValue(urls));
            await using var app = FolderPrismServer.Build(settings);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                // Typically "address already in use": name the setting, no stack trace.
                throw new SettingsException($"{ServerOptions.UrlsKey}: {e.Message.ReplaceLineEndings(" ")}");
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
