using FolderPrism.Core.Media;

namespace FolderPrism.Indexing.Import;

/// <summary>
/// When two images are the same photo: their perceptual hashes are within the configured distance, their aspect
/// ratios agree (orientation-free) and, when both carry a real capture date, those dates are close. One rule for
/// import (which version to keep) and the index (which library items group in Duplicates/).
/// </summary>
public static class NearDuplicateRule
{
    /// <summary>
    /// The largest distance the index's band table can find (7 bands: two hashes at most 6 bits apart share one).
    /// A larger <see cref="ImportOptions.NearDuplicateDistance"/> still applies to import, which compares every pair.
    /// </summary>
    public const int MaxIndexedDistance = 6;

    private const double AspectTolerance = 0.03;

    /// <summary>The perceptual distance of <paramref name="a"/> and <paramref name="b"/> when they are the same photo, else null.</summary>
    public static int? Distance(PhotoVersion a, PhotoVersion b, ImportOptions options)
    {
        var distance = PerceptualHash.Distance(a.PerceptualHash, b.PerceptualHash);
        if (distance > options.NearDuplicateDistance)
        {
            return null;
        }

        if (a.Aspect == 0 || b.Aspect == 0 || Math.Abs(a.Aspect - b.Aspect) / a.Aspect > AspectTolerance)
        {
            return null;
        }

        if (a.HasRealDate && b.HasRealDate && (a.TakenLocal!.Value - b.TakenLocal!.Value).Duration() > options.NearDuplicateTimeWindow)
        {
            return null;
        }

        return distance;
    }
}
