using FolderPrism.WebDav.Paths;

namespace FolderPrism.WebDav.Handlers;

/// <summary>
/// Recursive file system operations for DELETE, COPY and MOVE that keep going past individual failures and report
/// them per path, so the handlers can answer 207 with exactly what failed.
/// </summary>
internal static class FileTree
{
    private const int Exdev = 18;

    public static void Delete(string physical, DavPath path, List<(DavPath Path, bool Collection)> failures)
    {
        if (!Directory.Exists(physical) || new FileInfo(physical).LinkTarget is not null)
        {
            try
            {
                File.Delete(physical);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add((path, false));
            }

            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(physical))
        {
            Delete(entry, path.Child(Path.GetFileName(entry)), failures);
        }

        try
        {
            Directory.Delete(physical);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!failures.Any(f => path.Contains(f.Path)))
            {
                failures.Add((path, true));
            }
        }
    }

    /// <summary>
    /// <see cref="Delete"/> that first offers each file to <paramref name="recycle"/> (a recycle bin); files it takes
    /// are not deleted, and folders emptied that way are removed.
    /// </summary>
    public static async Task DeleteAsync(
        string physical, DavPath path, List<(DavPath Path, bool Collection)> failures, Func<string, Task<bool>> recycle)
    {
        if (!Directory.Exists(physical) || new FileInfo(physical).LinkTarget is not null)
        {
            try
            {
                if (!await recycle(physical))
                {
                    File.Delete(physical);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Http.DavException)
            {
                failures.Add((path, false));
            }

            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(physical).ToList())
        {
            await DeleteAsync(entry, path.Child(Path.GetFileName(entry)), failures, recycle);
        }

        try
        {
            Directory.Delete(physical);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!failures.Any(f => path.Contains(f.Path)))
            {
                failures.Add((path, true));
            }
        }
    }

    public static void Copy(string source, string target, DavPath targetPath, bool recursive, List<(DavPath Path, bool Collection)> failures)
    {
        if (!Directory.Exists(source))
        {
            try
            {
                File.Copy(source, target, overwrite: false);
                File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(source));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add((targetPath, false));
            }

            return;
        }

        try
        {
            Directory.CreateDirectory(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failures.Add((targetPath, true));
            return;
        }

        if (!recursive)
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(source))
        {
            var name = Path.GetFileName(entry);
            if (Core.Files.ClientNoise.IsUploadTemp(name) || new FileInfo(entry).LinkTarget is not null)
            {
                continue;
            }

            Copy(entry, Path.Join(target, name), targetPath.Child(name), recursive, failures);
        }
    }

    /// <summary>Renames (atomic within one file system), falling back to copy + delete across file systems.</summary>
    public static void Move(string source, string target, DavPath targetPath, List<(DavPath Path, bool Collection)> failures)
    {
        try
        {
            if (Directory.Exists(source))
            {
                Directory.Move(source, target);
            }
            else
            {
                File.Move(source, target, overwrite: false);
            }
        }
        catch (IOException e) when (e.HResult == Exdev)
        {
            Copy(source, target, targetPath, recursive: true, failures);
            if (failures.Count == 0)
            {
                Delete(source, targetPath, failures);
            }
        }
    }
}
