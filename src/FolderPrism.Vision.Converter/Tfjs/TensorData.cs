namespace FolderPrism.Vision.Converter.Tfjs;

/// <summary>Element types the converter carries through a graph.</summary>
internal enum ElemType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
}

/// <summary>A constant tensor in TensorFlow (row-major, native) layout: either float or integer data.</summary>
internal sealed class TensorData
{
    public TensorData(long[] shape, float[] floats)
    {
        Shape = shape;
        Floats = floats;
        Type = ElemType.Float;
    }

    public TensorData(long[] shape, int[] ints)
    {
        Shape = shape;
        Ints = ints;
        Type = ElemType.Int32;
    }

    public long[] Shape { get; }

    public float[]? Floats { get; }

    public int[]? Ints { get; }

    public ElemType Type { get; }

    public int Rank => Shape.Length;

    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    public long[] AsLongs() => Ints is not null
        ? Ints.Select(i => (long)i).ToArray()
        : Floats!.Select(f => (long)f).ToArray();

    /// <summary>Same data viewed with another shape of equal element count (no copy).</summary>
    public TensorData WithShape(long[] shape) => Floats is not null ? new TensorData(shape, Floats) : new TensorData(shape, Ints!);

    /// <summary>Permutes the axes: output axis i takes input axis <paramref name="perm"/>[i].</summary>
    public TensorData Transpose(int[] perm)
    {
        if (perm.Length != Rank)
        {
            throw new TfjsConversionException($"cannot transpose a rank-{Rank} constant with a rank-{perm.Length} permutation");
        }

        var outShape = perm.Select(p => Shape[p]).ToArray();
        var inStrides = Strides(Shape);
        var count = (int)Count;
        var index = new long[Rank];
        var src = new int[count];
        for (var o = 0; o < count; o++)
        {
            long offset = 0;
            for (var d = 0; d < Rank; d++)
            {
                offset += index[d] * inStrides[perm[d]];
            }

            src[o] = (int)offset;
            for (var d = Rank - 1; d >= 0; d--)
            {
                if (++index[d] < outShape[d])
                {
                    break;
                }

                index[d] = 0;
            }
        }

        return Floats is not null
            ? new TensorData(outShape, src.Select(i => Floats[i]).ToArray())
            : new TensorData(outShape, src.Select(i => Ints![i]).ToArray());
    }

    private static long[] Strides(long[] shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= shape[d];
        }

        return strides;
    }
}
