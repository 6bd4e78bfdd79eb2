using System.Runtime.InteropServices;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// The POSIX calls .NET does not expose: <c>link</c> (an atomic "create only if absent", and a same-file-system move
/// that never falls back to copy+delete) and <c>fsync</c> of a directory (so a rename survives power loss).
/// </summary>
internal static partial class NativeFileOps
{
    public const int EEXIST = 17;
    public const int EXDEV = 18;
    public const int ENOSPC = 28;
    public const int EDQUOT = 122;
    private const int ORdOnly = 0;

    /// <summary>Hard-links <paramref name="existing"/> as <paramref name="target"/>; returns 0 or the errno.</summary>
    public static int Link(string existing, string target) =>
        link(existing, target) == 0 ? 0 : Marshal.GetLastPInvokeError();

    public static void SyncDirectory(string directory)
    {
        var fd = open(directory, ORdOnly);
        if (fd < 0)
        {
            return; // best effort: some file systems refuse opening directories
        }

        try
        {
            _ = fsync(fd);
        }
        finally
        {
            _ = close(fd);
        }
    }

    public static bool IsDiskFull(Exception e) =>
        e is IOException io && ((io.HResult & 0xFFFF) is ENOSPC or EDQUOT ||
                                io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) ||
                                // .NET's own message when preallocation (fallocate) finds the disk full; no errno in HResult.
                                io.Message.Contains("disk was full", StringComparison.OrdinalIgnoreCase) ||
                                io.Message.Contains("quota", StringComparison.OrdinalIgnoreCase));

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string oldpath, string newpath);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
