using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Runs an ONNX model in ONNX Runtime (one thread, as the daemon does) and returns outputs as floats.</summary>
internal static class OrtRunner
{
    public static Dictionary<string, NamedTensor> Run(byte[] onnx, IReadOnlyList<NamedTensor> inputs)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(onnx, options);
        var feeds = inputs.Select(i => NamedOnnxValue.CreateFromTensor(i.Name, new DenseTensor<float>(i.Data, i.Shape))).ToList();
        using var results = session.Run(feeds);
        var dict = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            float[] data;
            int[] shape;
            switch (r.Value)
            {
                case DenseTensor<float> f:
                    data = f.ToArray();
                    shape = f.Dimensions.ToArray();
                    break;
                case DenseTensor<int> n:
                    data = n.Select(v => (float)v).ToArray();
                    shape = n.Dimensions.ToArray();
                    break;
                case DenseTensor<long> l:
                    data = l.Select(v => (float)v).ToArray();
                    shape = l.Dimensions.ToArray();
                    break;
                case DenseTensor<bool> b:
                    data = b.Select(v => v ? 1f : 0f).ToArray();
                    shape = b.Dimensions.ToArray();
                    break;
                default:
                    throw new InvalidOperationException($"unexpected output type for {r.Name}");
            }

            dict[r.Name] = new NamedTensor(r.Name, shape, data);
        }

        return dict;
    }

    /// <summary>max |a-b| / max(max|b|, 1e-6) — relative to the reference output's scale, so near-zero elements
    /// don't blow the figure up.</summary>
    public static double MaxRelativeDifference(NamedTensor actual, NamedTensor expected)
    {
        actual.Shape.ShouldBe(expected.Shape, $"shape of {expected.Name}");
        var scale = Math.Max(expected.Data.Max(v => Math.Abs(v)), 1e-6);
        double worst = 0;
        for (var i = 0; i < expected.Data.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual.Data[i] - expected.Data[i]) / scale);
        }

        return worst;
    }
}
