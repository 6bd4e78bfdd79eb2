using System.Text.RegularExpressions;

namespace FolderPrism.Core.Users;

/// <summary>
/// What a user name may look like. Names travel in HTTP Basic credentials (where ':' separates the
/// password) and in log lines, so they are kept to a short, printable, unambiguous set.
/// </summary>
public static partial class UserNames
{
    public const int MaxLength = 64;

    /// <summary>Returns why <paramref name="name"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "user name is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"user name is longer than {MaxLength} characters";
        }

        return Pattern().IsMatch(name)
            ? null
            : "user name may contain only letters, digits, '.', '_' and '-' and must start with a letter or digit";
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
