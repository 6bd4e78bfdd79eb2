namespace FolderPrism.Core.Users;

/// <summary>An account that may log in over HTTP Basic. Only a slow salted hash of the password is kept.</summary>
public sealed class User
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public UserRole Role { get; set; }

    /// <summary>Self-describing hash string, e.g. <c>pbkdf2-sha256$600000$salt$hash</c>.</summary>
    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
