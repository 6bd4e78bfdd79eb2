namespace FolderPrism.Vision.Faces;

/// <summary>Vector helpers for face descriptors.</summary>
public static class FaceVectors
{
    public static float[] Normalize(ReadOnlySpan<float> v)
    {
        double sum = 0;
        foreach (var x in v)
        {
            sum += x * x;
        }

        var norm = sum > 0 ? (float)(1 / Math.Sqrt(sum)) : 0f;
        var result = new float[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            result[i] = v[i] * norm;
        }

        return result;
    }

    /// <summary>1 − cosine similarity of two L2-normalised vectors (0 = identical, 2 = opposite).</summary>
    public static double CosineDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("vectors differ in length");
        }

        double dot = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return 1 - dot;
    }

    /// <summary>Euclidean distance of two raw vectors (face-api's descriptor comparison).</summary>
    public static double EuclideanDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("vectors differ in length");
        }

        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Distance under <paramref name="metric"/>; vectors of different length (from different embedders)
    /// are never close: +∞.</summary>
    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b, FaceDistanceMetric metric) =>
        a.Length != b.Length ? double.PositiveInfinity
        : metric == FaceDistanceMetric.Euclidean ? EuclideanDistance(a, b) : CosineDistance(a, b);
}
