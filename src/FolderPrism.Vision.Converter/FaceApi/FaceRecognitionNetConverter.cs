using System.Text.Json;
using FolderPrism.Vision.Converter.Onnx;
using FolderPrism.Vision.Converter.OnnxWriting;
using FolderPrism.Vision.Converter.Tfjs;
using Google.Protobuf;

namespace FolderPrism.Vision.Converter.FaceApi;

/// <summary>
/// Rebuilds face-api's <c>FaceRecognitionNet</c> (the dlib-derived 128-d face descriptor ResNet) as an ONNX opset-13
/// graph. face-api ships only a tfjs <em>weights</em> manifest for it (no GraphDef): the network lives in its
/// TypeScript source (src/faceRecognitionNet), so the architecture is written out here layer by layer, following
/// FaceRecognitionNet.ts, convLayer.ts, residualLayer.ts and scaleLayer.ts, and fed with the manifest's weights.
/// <para>
/// Input <c>input</c>: [N,150,150,3] RGB in 0..255 (NHWC, as the other models). In the graph: subtract the mean RGB
/// [122.782, 117.001, 104.298], divide by 255, then conv 7×7/2 → max-pool 3×3/2 → residual stages of 32, 64, 128
/// and 256 channels → global average → fully connected 256→128. Output <c>descriptor</c>: [N,128], compared by
/// euclidean distance (face-api's same-person threshold ≈ 0.6). Channel counts are read from the weight shapes, so
/// any weights with face-api's layer names convert (the unit tests use small random ones).
/// </para>
/// </summary>
public sealed class FaceRecognitionNetConverter
{
    public const string InputName = "input";
    public const string OutputName = "descriptor";
    public const int InputSize = 150;

    /// <summary>face-api's mean RGB (FaceRecognitionNet.ts), subtracted before the /255 scaling.</summary>
    private static readonly float[] MeanRgb = [122.782f, 117.001f, 104.298f];

    /// <summary>The residual stages in execution order; "down" stages halve the resolution and may widen the channels.</summary>
    private static readonly (string Name, bool Down)[] Stages =
    [
        ("conv32_1", false), ("conv32_2", false), ("conv32_3", false),
        ("conv64_down", true), ("conv64_1", false), ("conv64_2", false), ("conv64_3", false),
        ("conv128_down", true), ("conv128_1", false), ("conv128_2", false),
        ("conv256_down", true), ("conv256_1", false), ("conv256_2", false),
        ("conv256_down_out", true),
    ];

    private readonly Dictionary<string, TensorData> _weights;
    private readonly OnnxGraphBuilder _b = new();

    private FaceRecognitionNetConverter(Dictionary<string, TensorData> weights) => _weights = weights;

    /// <summary>Converts face-api's <c>face_recognition_model-weights_manifest.json</c> (shards beside it).</summary>
    public static byte[] Convert(string manifestPath, string? description = null)
    {
        if (!File.Exists(manifestPath))
        {
            throw new TfjsConversionException($"weights manifest not found: {manifestPath}");
        }

        Dictionary<string, TensorData> weights;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            var root = doc.RootElement;
            // face-api's manifests are a bare array of weight groups; accept a model.json-style object too.
            var manifest = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("weightsManifest", out var wm) ? wm : root;
            if (manifest.ValueKind != JsonValueKind.Array)
            {
                throw new TfjsConversionException($"{manifestPath} is not a tfjs weights manifest (expected an array of weight groups)");
            }

            weights = TfjsWeightReader.Read(manifest, Path.GetFullPath(Path.GetDirectoryName(manifestPath)!));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new TfjsConversionException($"{manifestPath} is not a valid tfjs weights manifest: {e.Message}", e);
        }

        var model = new FaceRecognitionNetConverter(weights).Build(description ?? "face-api FaceRecognitionNet");
        return model.ToByteArray();
    }

    /// <summary>Converts and writes the ONNX file atomically.</summary>
    public static void ConvertToFile(string manifestPath, string onnxPath, string? description = null) =>
        AtomicFile.Write(onnxPath, Convert(manifestPath, description));

    private ModelProto Build(string description)
    {
        _b.Reserve(InputName);
        _b.Input(InputName, ElemType.Float, [-1, InputSize, InputSize, 3]);
        var x = _b.Node("Transpose", "to_nchw", [InputName], OnnxGraphBuilder.Attr("perm", new long[] { 0, 3, 1, 2 }));
        x = _b.Node("Sub", "centered", [x, _b.Initializer("mean_rgb", new TensorData([1, 3, 1, 1], MeanRgb))]);
        x = _b.Node("Div", "normalized", [x, _b.FloatScalar("div", 255f)]);

        // (150 - 7) / 2 + 1 = 72, then max-pool 3×3/2 valid → 35.
        var size = InputSize;
        x = ConvLayer(x, "conv32_down", stride: 2, same: false, relu: true);
        size = ((size - 7) / 2) + 1;
        x = _b.Node("MaxPool", "maxpool", [x], OnnxGraphBuilder.Attr("kernel_shape", new long[] { 3, 3 }), OnnxGraphBuilder.Attr("strides", new long[] { 2, 2 }));
        size = ((size - 3) / 2) + 1;
        var channels = Filters("conv32_down").Shape[3];

        foreach (var (name, down) in Stages)
        {
            (x, size, channels) = down ? ResidualDown(x, name, size, channels) : (Residual(x, name), size, channels);
        }

        x = _b.Node("GlobalAveragePool", "global_avg", [x]);
        x = _b.Node("Flatten", "flat", [x], OnnxGraphBuilder.Attr("axis", 1L));
        var fc = Weight("fc", 2);
        if (fc.Shape[0] != channels)
        {
            throw new TfjsConversionException($"weight 'fc' has shape [{string.Join(",", fc.Shape)}], expected [{channels}, D]");
        }

        _b.Reserve(OutputName);
        _b.NodeTo("MatMul", OutputName, [x, _b.Initializer("fc", fc)]);
        _b.Output(OutputName, ElemType.Float);
        return _b.Build(description);
    }

    /// <summary>residual(): relu(convNoRelu(conv(x)) + x), both convs 3×3 'same'.</summary>
    private string Residual(string x, string name)
    {
        var h = ConvLayer(x, $"{name}/conv1", stride: 1, same: true, relu: true);
        h = ConvLayer(h, $"{name}/conv2", stride: 1, same: true, relu: false);
        return _b.Node("Relu", name, [_b.Node("Add", name + "/add", [h, x])]);
    }

    /// <summary>
    /// residualDown(): conv 3×3/2 'valid' then 3×3 'same' on one branch; 2×2/2 average pool of the input on the
    /// other, widened with zero channels when the conv branch has more. When the valid conv comes out one pixel
    /// smaller than the pool (odd sizes), face-api pads the conv branch with a zero row and column at the end.
    /// </summary>
    private (string X, int Size, long Channels) ResidualDown(string x, string name, int size, long channels)
    {
        var h = ConvLayer(x, $"{name}/conv1", stride: 2, same: false, relu: true);
        h = ConvLayer(h, $"{name}/conv2", stride: 1, same: true, relu: false);
        var convSize = ((size - 3) / 2) + 1;
        var poolSize = ((size - 2) / 2) + 1;
        var outChannels = Filters($"{name}/conv2").Shape[3];
        var pooled = _b.Node("AveragePool", name + "/pool", [x], OnnxGraphBuilder.Attr("kernel_shape", new long[] { 2, 2 }), OnnxGraphBuilder.Attr("strides", new long[] { 2, 2 }));
        if (poolSize != convSize)
        {
            var grow = poolSize - convSize;
            h = Pad(h, name + "/pad_hw", [0, 0, 0, 0, 0, 0, grow, grow]);
        }

        if (outChannels != channels)
        {
            if (outChannels < channels)
            {
                throw new TfjsConversionException($"{name}: the conv branch has fewer channels ({outChannels}) than its input ({channels})");
            }

            pooled = Pad(pooled, name + "/pad_c", [0, 0, 0, 0, 0, outChannels - channels, 0, 0]);
        }

        var sum = _b.Node("Add", name + "/add", [pooled, h]);
        return (_b.Node("Relu", name, [sum]), poolSize, outChannels);
    }

    private string Pad(string x, string hint, long[] pads) => _b.Node("Pad", hint, [x, _b.Int64Initializer(hint + "_pads", pads)], OnnxGraphBuilder.Attr("mode", "constant"));

    /// <summary>
    /// convLayer(): conv2d + bias, then the scale layer (× weights + biases), optionally relu. The scale is folded
    /// into the convolution (W·s, b·s + t), exact up to float rounding, so each layer is one ONNX Conv.
    /// </summary>
    private string ConvLayer(string x, string prefix, int stride, bool same, bool relu)
    {
        var filters = Filters(prefix);
        var (kh, kw, cin, cout) = (filters.Shape[0], filters.Shape[1], filters.Shape[2], filters.Shape[3]);
        var bias = Vector($"{prefix}/conv/bias", cout);
        var scale = Vector($"{prefix}/scale/weights", cout);
        var shift = Vector($"{prefix}/scale/biases", cout);

        var oihw = filters.Transpose([3, 2, 0, 1]).Floats!;
        var perOut = (int)(cin * kh * kw);
        for (var o = 0; o < cout; o++)
        {
            for (var i = 0; i < perOut; i++)
            {
                oihw[(o * perOut) + i] *= scale[o];
            }
        }

        var foldedBias = new float[cout];
        for (var o = 0; o < cout; o++)
        {
            foldedBias[o] = (bias[o] * scale[o]) + shift[o];
        }

        var attrs = new List<AttributeProto>
        {
            OnnxGraphBuilder.Attr("kernel_shape", new[] { kh, kw }),
            OnnxGraphBuilder.Attr("strides", new long[] { stride, stride }),
        };
        if (same)
        {
            if (stride != 1 || kh % 2 == 0 || kw % 2 == 0)
            {
                throw new TfjsConversionException($"{prefix}: 'same' padding is only built for stride 1 and odd kernels");
            }

            attrs.Add(OnnxGraphBuilder.Attr("pads", new[] { kh / 2, kw / 2, kh / 2, kw / 2 }));
        }

        var w = _b.Initializer(prefix.Replace('/', '_') + "_w", new TensorData([cout, cin, kh, kw], oihw));
        var b = _b.Initializer(prefix.Replace('/', '_') + "_b", new TensorData([cout], foldedBias));
        var y = _b.Node("Conv", prefix, [x, w, b], [.. attrs]);
        return relu ? _b.Node("Relu", prefix + "/relu", [y]) : y;
    }

    private TensorData Filters(string prefix) => Weight($"{prefix}/conv/filters", 4);

    private float[] Vector(string name, long length)
    {
        var t = Weight(name, 1);
        return t.Shape[0] == length ? t.Floats! : throw new TfjsConversionException($"weight '{name}' has {t.Shape[0]} values, expected {length}");
    }

    private TensorData Weight(string name, int rank)
    {
        if (!_weights.TryGetValue(name, out var t))
        {
            throw new TfjsConversionException($"weight '{name}' is missing from the face recognition manifest");
        }

        if (t.Rank != rank || t.Floats is null)
        {
            throw new TfjsConversionException($"weight '{name}' must be a rank-{rank} float tensor, got shape [{string.Join(",", t.Shape)}]");
        }

        return t;
    }
}
