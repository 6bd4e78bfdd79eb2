namespace FolderPrism.Data.Users;

/// <summary>A user operation refused for a reason the caller should show as-is (duplicate name, last admin, ...).</summary>
public sealed class UserStoreException(string message) : Exception(message);
