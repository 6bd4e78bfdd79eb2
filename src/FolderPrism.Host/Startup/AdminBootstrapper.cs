using System.Security.Cryptography;
using FolderPrism.Core.Users;
using FolderPrism.Data;
using FolderPrism.Data.Users;
using Microsoft.Extensions.Logging;

namespace FolderPrism.Host.Startup;

/// <summary>
/// On the very first start (no users at all) creates <c>admin</c> with a random password and prints it once
/// to the console — never to the log file, which may be kept or shipped elsewhere.
/// </summary>
internal sealed partial class AdminBootstrapper(
    UserStore users, StartupReads reads, ServeSettings settings, ILogger<AdminBootstrapper> logger)
{
    public const string AdminName = "admin";
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public async Task EnsureAdminAsync(CancellationToken cancellationToken)
    {
        // Every start but the first: one plain SQL read, so EF Core is not built on the way to listening.
        if (await reads.AnyUserAsync(cancellationToken))
        {
            return;
        }

        var password = RandomNumberGenerator.GetString(Alphabet, 20);
        try
        {
            await users.AddAsync(AdminName, UserRole.Admin, password, cancellationToken);
        }
        catch (UserStoreException)
        {
            return; // Another process created it between our count and insert.
        }

        var console = settings.Console ?? Console.Out;
        await console.WriteLineAsync(
            $"""

            FolderPrism created the first user (shown only this once):
              user:     {AdminName}
              password: {password}
            Change it with: folderprism users passwd {AdminName} --password-stdin

            """.AsMemory(), cancellationToken);
        await console.FlushAsync(cancellationToken);
        LogCreated(AdminName);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No users existed: created user {UserName} with a random password (printed once on the console)")]
    private partial void LogCreated(string userName);
}
