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
}
