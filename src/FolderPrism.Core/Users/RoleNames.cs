namespace FolderPrism.Core.Users;

/// <summary>
/// Role claim values put on the authenticated principal, shared by the auth layer (which sets them)
/// and the WebDAV layer (which refuses writes to viewers), so the two cannot drift apart.
/// </summary>
public static class RoleNames
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static string Of(UserRole role) => role switch
    {
        UserRole.Admin => Admin,
        UserRole.Editor => Editor,
        _ => Viewer,
    };

    /// <summary>Parses a role name as typed on the command line (case-insensitive).</summary>
    public static bool TryParse(string? name, out UserRole role)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case Admin: role = UserRole.Admin; return true;
            case Editor: role = UserRole.Editor; return true;
            case Viewer: role = UserRole.Viewer; return true;
            default: role = UserRole.Viewer; return false;
        }
    }
}
