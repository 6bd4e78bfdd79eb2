namespace FolderPrism.Indexing;

/// <summary>Conversions between absolute paths and the index's '/'-separated paths relative to <c>Originals/</c>.</summary>
internal static class LibraryPaths
{
    public static string ToRelative(string originalsRoot, string fullPath) =>
        Path.GetRelativePath(originalsRoot, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    public static string ToFull(string originalsRoot, string relativePath) =>
        Path.Combine(originalsRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static bool IsInside(string relativePath) =>
        relativePath != "." && !relativePath.StartsWith("../", StringComparison.Ordinal) && relativePath != ".." &&
        !Path.IsPathRooted(relativePath);

    public static bool IsUnder(string relativePath, string directory) =>
        relativePath.Length > directory.Length + 1 && relativePath[directory.Length] == '/' &&
        relativePath.StartsWith(directory, StringComparison.Ordinal);

    public static string? Parent(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? null : relativePath[..slash];
    }

    public static string FileName(string relativePath) => relativePath[(relativePath.LastIndexOf('/') + 1)..];
}
