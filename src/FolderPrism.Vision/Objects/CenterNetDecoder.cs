using FolderPrism.Vision.Faces;

namespace FolderPrism.Vision.Objects;

/// <summary>
/// Decodes CenterNet's raw heads in C# (the converted graph is cut before its TopK): a class heatmap peak is a
/// cell whose score equals the 3×3 max around it (the graph's MaxPool trick); its box is the cell centre (stride 4
/// in the input) minus/plus the four distances of the wh head. The grid is a quarter of the input size (128 at 512).
/// </summary>
public static class CenterNetDecoder
{
    public const int Classes = 80;
    public const double Stride = 4;

    /// <summary>Peaks sorted by score (ties: lower index first), at most <paramref name="topK"/>, boxes in input pixels.</summary>
    public static List<DetectedObject> Decode(ReadOnlySpan<float> heat, ReadOnlySpan<float> wh, double minScore, int topK = 100)
    {
        var grid = (int)Math.Round(Math.Sqrt(heat.Length / (double)Classes));
        if (grid == 0 || heat.Length != grid * grid * Classes || wh.Length != grid * grid * 4)
        {
            throw new ArgumentException("unexpected CenterNet output sizes");
        }

        return Decode(heat, wh, grid, minScore, topK);
    }

    private static List<DetectedObject> Decode(ReadOnlySpan<float> heat, ReadOnlySpan<float> wh, int grid, double minScore, int topK)
    {

        var peaks = new List<(float Score, int Index)>();
        for (var y = 0; y < grid; y++)
        {
            for (var x = 0; x < grid; x++)
            {
                for (var c = 0; c < Classes; c++)
                {
                    var v = heat[(((y * grid) + x) * Classes) + c];
                    if (v >= minScore && IsPeak(heat, grid, x, y, c, v))
                    {
                        peaks.Add((v, (((y * grid) + x) * Classes) + c));
                    }
                }
            }
        }

        var result = new List<DetectedObject>();
        foreach (var (score, index) in peaks.OrderByDescending(p => p.Score).ThenBy(p => p.Index).Take(topK))
        {
            var c = index % Classes;
            var cell = index / Classes;
            var (x, y) = (cell % grid, cell / grid);
            var w = wh.Slice(cell * 4, 4);
            var (x1, y1, x2, y2) = ((x * Stride) - w[0], (y * Stride) - w[1], (x * Stride) + w[2], (y * Stride) + w[3]);
            result.Add(new DetectedObject(CocoLabels.All[c], c, score, new FaceBox(x1, y1, x2 - x1, y2 - y1)));
        }

        return result;
    }

    private static bool IsPeak(ReadOnlySpan<float> heat, int grid, int x, int y, int c, float v)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (nx, ny) = (x + dx, y + dy);
                if ((dx != 0 || dy != 0) && (uint)nx < grid && (uint)ny < grid && heat[(((ny * grid) + nx) * Classes) + c] > v)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
