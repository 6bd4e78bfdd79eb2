using System.Numerics;

namespace FolderPrism.Core.Media;

/// <summary>
/// 64-bit DCT perceptual hash (pHash) for near-duplicate detection: resizing, recompression and metadata stripping
/// (what Google Photos does to a download) move it by a few bits, a different photo by ~32. Pure arithmetic on a
/// 32×32 luminance grid so the decoder (NetVips) and import can share it.
/// </summary>
public static class PerceptualHash
{
    /// <summary>Side of the luminance grid expected by <see cref="Compute"/>.</summary>
    public const int GridSize = 32;

    private const int Kept = 8;

    private static readonly double[] Cosines = BuildCosines();

    /// <summary>Hashes a 32×32 row-major 8-bit luminance grid.</summary>
    public static ulong Compute(ReadOnlySpan<byte> luminance)
    {
        if (luminance.Length != GridSize * GridSize)
        {
            throw new ArgumentException($"Expected {GridSize * GridSize} luminance bytes, got {luminance.Length}.", nameof(luminance));
        }

        // Separable 2-D DCT-II, keeping only the lowest 8×8 frequencies.
        Span<double> rows = stackalloc double[GridSize * Kept];
        for (var y = 0; y < GridSize; y++)
        {
            for (var u = 0; u < Kept; u++)
            {
                double sum = 0;
                for (var x = 0; x < GridSize; x++)
                {
                    sum += luminance[(y * GridSize) + x] * Cosines[(u * GridSize) + x];
                }

                rows[(y * Kept) + u] = sum;
            }
        }

        Span<double> coefficients = stackalloc double[Kept * Kept];
        for (var v = 0; v < Kept; v++)
        {
            for (var u = 0; u < Kept; u++)
            {
                double sum = 0;
                for (var y = 0; y < GridSize; y++)
                {
                    sum += rows[(y * Kept) + u] * Cosines[(v * GridSize) + y];
                }

                coefficients[(v * Kept) + u] = sum;
            }
        }

        // Median of the AC terms (the DC term only measures overall brightness).
        Span<double> sorted = stackalloc double[(Kept * Kept) - 1];
        coefficients[1..].CopyTo(sorted);
        sorted.Sort();
        var median = (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

        ulong hash = 0;
        for (var i = 0; i < Kept * Kept; i++)
        {
            if (coefficients[i] > median)
            {
                hash |= 1UL << i;
            }
        }

        return hash;
    }

    /// <summary>Hamming distance: the number of differing bits (0 = same picture, ≤ 10 ≈ near-duplicate).</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>Hex form for storage and reports (16 lowercase characters).</summary>
    public static string ToHex(ulong hash) => hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private static double[] BuildCosines()
    {
        var table = new double[Kept * GridSize];
        for (var u = 0; u < Kept; u++)
        {
            for (var x = 0; x < GridSize; x++)
            {
                table[(u * GridSize) + x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * GridSize));
            }
        }

        return table;
    }
}
