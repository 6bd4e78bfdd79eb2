using FolderPrism.Indexing.Metadata;

namespace FolderPrism.Views.Sidecars;

/// <summary>
/// Moves a media file's XMP sidecars (and the Takeout JSON import put beside it) along with it (to the trash, back, or on a rename), so tags and faces stay with the
/// photo. <c>photo.jpg.xmp</c> always belongs to its photo; <c>photo.xmp</c> only when no other media file shares the
/// base name (else it is the RAW+JPEG pair's common sidecar and stays). At the destination, <c>photo.xmp</c> is named
/// after the new base name unless another media file there shares it (then <c>new.jpg.xmp</c>: it must not leak).
/// Each move is an atomic rename that never overwrites: a sidecar already at the destination wins and the travelling
/// one stays where it was (nothing is lost).
/// </summary>
internal static class SidecarTravel
{
    /// <summary>The sidecars that belong to <paramref name="mediaPath"/> alone, with where they go for <paramref name="targetMediaPath"/>.</summary>
    public static List<(string From, string To)> Plan(string mediaPath, string targetMediaPath)
    {
        var media = Path.GetFullPath(mediaPath);
        var target = Path.GetFullPath(targetMediaPath);
        var name = Path.GetFileName(media);
        var plan = new List<(string, string)>();
        foreach (var sidecar in MediaAnalyzer.XmpSidecarPaths(media))
        {
            var extension = Path.GetExtension(sidecar);
            var specific = Path.GetFileNameWithoutExtension(sidecar) == name;
            if (!specific && SidecarPaths.SharesBaseName(media))
            {
                continue;
            }

            var to = specific || SharesBaseNameAt(target)
                ? target + extension
                : Path.Combine(Path.GetDirectoryName(target)!, Path.GetFileNameWithoutExtension(target) + extension);
            plan.Add((sidecar, to));
        }

        // The Google Takeout JSON import copied beside the photo: the only record of a date or place the file lacks.
        var takeout = media + ".json";
        if (File.Exists(takeout))
        {
            plan.Add((takeout, target + ".json"));
        }

        return plan;
    }

    /// <summary>Moves what <see cref="Plan"/> found; returns how many moved.</summary>
    public static int Move(IEnumerable<(string From, string To)> plan)
    {
        var moved = 0;
        foreach (var (from, to) in plan)
        {
            if (string.Equals(from, to, StringComparison.Ordinal) || File.Exists(to) || !File.Exists(from))
            {
                continue;
            }

            try
            {
                File.Move(from, to, overwrite: false);
                moved++;
            }
            catch (IOException)
            {
                // Someone created the destination meanwhile: theirs wins, ours stays (still readable beside the old place).
            }
        }

        return moved;
    }

    /// <summary>Moves the sidecars of <paramref name="mediaPath"/> to sit beside <paramref name="targetMediaPath"/>.</summary>
    public static int Follow(string mediaPath, string targetMediaPath) => Move(Plan(mediaPath, targetMediaPath));

    private static bool SharesBaseNameAt(string target) =>
        Directory.Exists(Path.GetDirectoryName(target)) && SidecarPaths.SharesBaseName(target);

    /// <summary>Whether a file is a sidecar (XMP, or Takeout JSON, by extension): never the photo kept in a trash folder.</summary>
    public static bool IsSidecar(string path) =>
        Path.GetExtension(path).Equals(".xmp", StringComparison.OrdinalIgnoreCase)
        || Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase);
}
