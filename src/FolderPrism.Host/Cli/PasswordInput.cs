using System.Security.Cryptography;

namespace FolderPrism.Host.Cli;

/// <summary>Where a new password comes from: the first line of stdin, or a generated one that is printed once.</summary>
internal static class PasswordInput
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Returns the password and whether it was generated (and must therefore be shown).</summary>
    public static async Task<(string Password, bool Generated)> ReadAsync(
        CliConsole console, bool fromStdin, CancellationToken cancellationToken)
    {
        if (!fromStdin)
        {
            return (RandomNumberGenerator.GetString(Alphabet, 20), true);
        }

        var line = await console.In.ReadLineAsync(cancellationToken);
        return (line ?? string.Empty, false);
    }
}
