namespace FolderPrism.Host.Configuration;

/// <summary>Creates a folder if missing and proves it is writable, turning failures into one readable sentence.</summary>
internal static class DirectoryProbe
{
    /// <summary>Returns null when <paramref name="path"/> is a usable folder, else why not.</summary>
    public static string? EnsureWritable(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{path}' is not a valid path";
        }

        if (File.Exists(full))
        {
            return $"'{full}' is a file, not a folder";
        }

        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".folderprism-write-test-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"'{full}' is not a writable folder ({e.Message.TrimEnd('.')})";
        }
    }
}
