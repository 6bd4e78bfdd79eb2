using FolderPrism.Core.Users;

namespace FolderPrism.Host.Auth;

/// <summary>Who a request was authenticated as (canonical name from the users table).</summary>
internal sealed record AuthenticatedUser(string Name, UserRole Role);
