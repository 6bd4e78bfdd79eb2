using FolderPrism.Core.Media;
using FolderPrism.Indexing.Metadata;

namespace FolderPrism.Views.Sidecars;

/// <summary>
/// Which sidecar FolderPrism writes for a media file: <c>photo.jpg.xmp</c> when it exists (digiKam, darktable,
/// exiftool's <c>%f.%e.xmp</c>); else <c>photo.xmp</c> when it exists (Lightroom) and belongs to this file alone; else a
/// new <c>photo.jpg.xmp</c>. <c>photo.xmp</c> is never written when another media file shares the base name (RAW+JPEG,
/// live photos): it would be read for both, and one photo's tags would leak into the other.
/// </summary>
internal static class SidecarPaths
{
    public static string Choose(string mediaPath)
    {
        var full = Path.GetFullPath(mediaPath);
        var name = Path.GetFileName(full);
        var existing = MediaAnalyzer.XmpSidecarPaths(full);
        var specific = existing.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == name);
        if (specific is not null)
        {
            return specific;
        }

        var byStem = existing.FirstOrDefault();
        if (byStem is not null && !SharesBaseName(full))
        {
            return byStem;
        }

        return full + ".xmp";
    }

    /// <summary>Whether another media file in the folder has the same base name (RAW+JPEG, live photo).</summary>
    public static bool SharesBaseName(string full)
    {
        var folder = Path.GetDirectoryName(full)!;
        var stem = Path.GetFileNameWithoutExtension(full);
        var options = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, MatchType = MatchType.Simple };
        var pattern = stem.IndexOfAny(['*', '?']) < 0 ? stem + ".*" : "*";
        return Directory.EnumerateFiles(folder, pattern, options)
            .Where(f => !string.Equals(f, full, StringComparison.Ordinal))
            .Any(f => string.Equals(Path.GetFileNameWithoutExtension(f), stem, StringComparison.OrdinalIgnoreCase)
                      && MediaTypes.GetKind(f) != MediaKind.Unknown);
    }
}
