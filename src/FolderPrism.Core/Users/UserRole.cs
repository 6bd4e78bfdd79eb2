namespace FolderPrism.Core.Users;

/// <summary>What a user may do: viewers only read, editors also write, admins also manage users.</summary>
public enum UserRole
{
    Viewer = 0,
    Editor = 1,
    Admin = 2,
}
