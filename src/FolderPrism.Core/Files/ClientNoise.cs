namespace FolderPrism.Core.Files;

/// <summary>
/// Names that desktop clients write next to real files (macOS AppleDouble and Spotlight files, Windows shell caches)
/// and the server's own in-flight upload temp files. WebDAV accepts them so clients keep working, but the indexer must
/// skip them: they are not photos, and answering lookups for them must stay cheap.
/// </summary>
public static class ClientNoise
{
    /// <summary>Prefix of hidden temp files a PUT streams into before its atomic rename.</summary>
    public const string UploadTempPrefix = ".~fpdav-";

    private static readonly string[] ExactNames =
    [
        ".DS_Store", ".Spotlight-V100", ".metadata_never_index", ".metadata_never_index_unless_rootfs", ".hidden",
        ".Trashes", ".fseventsd", ".TemporaryItems", ".localized", "Backups.backupdb", "desktop.ini", "Thumbs.db",
        "ehthumbs.db", "Desktop.ini",
    ];

    /// <summary>True for one path segment (a file or folder name) that is client noise or an upload temp file.</summary>
    public static bool IsNoise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith("._", StringComparison.Ordinal) || name.StartsWith(UploadTempPrefix, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var exact in ExactNames)
        {
            if (string.Equals(name, exact, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for the server's own partial uploads, which must never be listed or served.</summary>
    public static bool IsUploadTemp(string name) => name.StartsWith(UploadTempPrefix, StringComparison.Ordinal);
}
