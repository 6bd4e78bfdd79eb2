namespace FolderPrism.Core.Users;

/// <summary>
/// The minimum a password must satisfy. Kept small on purpose (length only): the slow hash and the
/// login throttle carry the rest, and family members should not be pushed into writing passwords down.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 1024;

    /// <summary>Returns why <paramref name="password"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"password must be at least {MinLength} characters";
        }

        if (password.Length > MaxLength)
        {
            return $"password must be at most {MaxLength} characters";
        }

        return password.Any(char.IsControl) ? "password must not contain control characters" : null;
    }
}
