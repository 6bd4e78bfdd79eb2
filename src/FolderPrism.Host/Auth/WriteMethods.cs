namespace FolderPrism.Host.Auth;

/// <summary>HTTP methods that change the library; viewers are refused all of them centrally, before WebDAV.</summary>
public static class WriteMethods
{
    private static readonly HashSet<string> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        "PUT", "DELETE", "MKCOL", "COPY", "MOVE", "PROPPATCH", "LOCK", "UNLOCK", "POST", "PATCH",
    };

    public static bool Contains(string method) => Methods.Contains(method);
}
