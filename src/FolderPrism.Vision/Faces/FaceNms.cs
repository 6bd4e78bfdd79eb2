namespace FolderPrism.Vision.Faces;

/// <summary>
/// Greedy non-maximum suppression across every pass: highest score first; a candidate overlapping a kept face by
/// more than the IoU threshold — or lying mostly inside it (a partial face from a tile) — is dropped.
/// </summary>
internal static class FaceNms
{
    public static List<DetectedFace> Suppress(IEnumerable<DetectedFace> candidates, double iouThreshold)
    {
        var kept = new List<DetectedFace>();
        foreach (var c in candidates.OrderByDescending(c => c.Score))
        {
            var duplicate = kept.Any(k =>
            {
                var inter = k.Box.Intersection(c.Box);
                return k.Box.IoU(c.Box) > iouThreshold || inter > 0.6 * Math.Min(k.Box.Area, c.Box.Area);
            });
            if (!duplicate)
            {
                kept.Add(c);
            }
        }

        return kept;
    }
}
