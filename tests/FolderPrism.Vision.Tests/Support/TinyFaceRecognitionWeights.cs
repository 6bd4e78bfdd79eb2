using System.Text.Json.Nodes;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>
/// Writes a face_recognition weights manifest with face-api's layer names but small random layers (channel widths
/// chosen by the test), so the rebuilt network can be compared with face-api's own code quickly and on shapes that
/// exercise every branch: zero-channel padding of the pooled shortcut and the zero row/column of odd sizes.
/// </summary>
internal static class TinyFaceRecognitionWeights
{
    public static string Write(string directory, int c32, int c64, int c128, int c256, int descriptor, params string[] omit)
    {
        var random = new Random(42);
        var weights = new JsonArray();
        using var data = new MemoryStream();

        void Add(string name, int[] shape, Func<float> value)
        {
            if (omit.Contains(name))
            {
                return;
            }

            weights.Add(new JsonObject { ["name"] = name, ["shape"] = new JsonArray(shape.Select(s => (JsonNode)s).ToArray()), ["dtype"] = "float32" });
            var count = shape.Aggregate(1, (a, b) => a * b);
            for (var i = 0; i < count; i++)
            {
                data.Write(BitConverter.GetBytes(value()));
            }
        }

        float Gaussian(double sigma) => (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

        void ConvLayer(string prefix, int k, int cin, int cout)
        {
            var sigma = Math.Sqrt(2.0 / (k * k * cin));
            Add($"{prefix}/conv/filters", [k, k, cin, cout], () => Gaussian(sigma));
            Add($"{prefix}/conv/bias", [cout], () => Gaussian(0.05));
            Add($"{prefix}/scale/weights", [cout], () => 0.5f + (float)random.NextDouble());
            Add($"{prefix}/scale/biases", [cout], () => Gaussian(0.1));
        }

        void Residual(string name, int cin, int cout)
        {
            ConvLayer($"{name}/conv1", 3, cin, cout);
            ConvLayer($"{name}/conv2", 3, cout, cout);
        }

        ConvLayer("conv32_down", 7, 3, c32);
        Residual("conv32_1", c32, c32);
        Residual("conv32_2", c32, c32);
        Residual("conv32_3", c32, c32);
        Residual("conv64_down", c32, c64);
        Residual("conv64_1", c64, c64);
        Residual("conv64_2", c64, c64);
        Residual("conv64_3", c64, c64);
        Residual("conv128_down", c64, c128);
        Residual("conv128_1", c128, c128);
        Residual("conv128_2", c128, c128);
        Residual("conv256_down", c128, c256);
        Residual("conv256_1", c256, c256);
        Residual("conv256_2", c256, c256);
        Residual("conv256_down_out", c256, c256);
        Add("fc", [c256, descriptor], () => Gaussian(1.0 / Math.Sqrt(c256)));

        File.WriteAllBytes(Path.Combine(directory, "tiny_recognition.bin"), data.ToArray());
        var manifest = new JsonArray(new JsonObject { ["paths"] = new JsonArray("tiny_recognition.bin"), ["weights"] = weights });
        var path = Path.Combine(directory, "tiny_recognition-weights_manifest.json");
        File.WriteAllText(path, manifest.ToJsonString());
        return path;
    }

    /// <summary>A [1,150,150,3] image-like input in 0..255: smooth gradients plus seeded noise.</summary>
    public static NamedTensor Input(int seed)
    {
        const int size = 150;
        var random = new Random(seed);
        var data = new float[size * size * 3];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var smooth = 0.5 + (0.4 * Math.Sin((x * (c + 1) * 0.05) + (y * 0.03) + seed));
                    data[(((y * size) + x) * 3) + c] = (float)(255 * Math.Clamp(smooth + ((random.NextDouble() - 0.5) * 0.2), 0, 1));
                }
            }
        }

        return new NamedTensor("input", [1, size, size, 3], data);
    }
}
