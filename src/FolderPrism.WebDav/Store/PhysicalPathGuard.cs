using System.Text;

namespace FolderPrism.WebDav.Store;

/// <summary>
/// Realpath-style checks that keep every served or written path inside the allowed roots, also through symlinks
/// (a link is followed only when its final target stays inside).
/// </summary>
internal sealed class PhysicalPathGuard
{
    private readonly string[] _allowedRoots;

    public PhysicalPathGuard(IEnumerable<string> allowedRoots)
    {
        _allowedRoots = allowedRoots.Select(RealPath).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Resolves every symlink component of an absolute path that exists, like realpath(3).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = "/";
        foreach (var segment in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(current, segment);
            var info = new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                next = target is null ? next : Path.GetFullPath(target.FullName);
            }

            current = next;
        }

        return current;
    }

    public bool IsInside(string fullPath)
    {
        foreach (var root in _allowedRoots)
        {
            if (fullPath.Length == root.Length ? string.Equals(fullPath, root, StringComparison.Ordinal)
                : fullPath.StartsWith(root, StringComparison.Ordinal) && (root.EndsWith('/') || fullPath[root.Length] == '/'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="entry"/> is not a symlink, or is one whose final target stays inside.</summary>
    public bool IsSafeEntry(FileSystemInfo entry)
    {
        if (entry.LinkTarget is null)
        {
            return true;
        }

        try
        {
            var target = entry.ResolveLinkTarget(returnFinalTarget: true);
            return target is not null && IsInside(RealPath(target.FullName));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Joins validated segments under <paramref name="root"/>, refusing unsafe symlinks on the way and falling back to
    /// an NFC-equal on-disk name (files written by tools that store NFD) when the exact name is absent.
    /// </summary>
    public string? Join(string root, IEnumerable<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            var candidate = Path.Join(current, segment);
            var info = new FileInfo(candidate);
            if (info.LinkTarget is null && !Path.Exists(candidate) && !segment.All(char.IsAscii))
            {
                candidate = FindNormalisedSibling(current, segment) ?? candidate;
                info = new FileInfo(candidate);
            }

            if (!IsSafeEntry(info))
            {
                return null;
            }

            current = candidate;
        }

        return current;
    }

    private static string? FindNormalisedSibling(string directory, string nfcName)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        foreach (var path in Directory.EnumerateFileSystemEntries(directory))
        {
            var name = Path.GetFileName(path);
            if (!name.All(char.IsAscii) && string.Equals(name.Normalize(NormalizationForm.FormC), nfcName, StringComparison.Ordinal))
            {
                return path;
            }
        }

        return null;
    }
}
