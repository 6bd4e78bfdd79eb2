using FolderPrism.Vision.Converter.Onnx;
using FolderPrism.Vision.Converter.OnnxWriting;
using FolderPrism.Vision.Converter.Tfjs;
using FolderPrism.Vision;
using Google.Protobuf;

namespace FolderPrism.Vision.Converter;

/// <summary>
/// Converts a TensorFlow.js graph model (<c>model.json</c> + weight shards) into an ONNX opset-13 model whose
/// inputs and outputs keep TF's NHWC semantics, while every convolution inside runs channels-first (NCHW), the
/// layout ONNX Runtime's CPU kernels are fast in. Layout is tracked per tensor so transposes only appear where a
/// layout-sensitive op (Reshape, Shape, StridedSlice, Squeeze, Softmax…) needs TF's order back.
/// </summary>
public sealed partial class TfjsToOnnxConverter
{
    private static readonly int[] ToNchw = [0, 3, 1, 2];
    private static readonly int[] ToNhwc = [0, 2, 3, 1];

    private readonly TfjsGraphModel _model;
    private readonly OnnxGraphBuilder _b = new();
    private readonly Dictionary<string, TensorRef> _tensors = new(StringComparer.Ordinal);
    private readonly ConversionOptions _options;

    /// <summary>With <see cref="ConversionOptions.DynamicSpatialInput"/>: the image input and its original height and width.</summary>
    private (string Name, long Height, long Width)? _spatialInput;

    private TfjsToOnnxConverter(TfjsGraphModel model, ConversionOptions options)
    {
        _model = model;
        _options = options;
    }

    /// <summary>Converts <paramref name="modelJsonPath"/> and returns the serialized ONNX model.</summary>
    public static byte[] Convert(string modelJsonPath, ConversionOptions? options = null)
    {
        options ??= new ConversionOptions();
        var model = TfjsGraphModel.Load(modelJsonPath);
        var converter = new TfjsToOnnxConverter(model, options);
        return converter.Run(options).ToByteArray();
    }

    /// <summary>Converts and writes the ONNX file atomically (temp file in the same folder, fsync, rename).</summary>
    public static void ConvertToFile(string modelJsonPath, string onnxPath, ConversionOptions? options = null)
    {
        var bytes = Convert(modelJsonPath, options);
        AtomicFile.Write(onnxPath, bytes);
    }

    private ModelProto Run(ConversionOptions options)
    {
        var outputs = (options.Outputs ?? DefaultOutputs()).Select(TfjsGraphModel.NormalizeTensorName).ToList();
        if (outputs.Count == 0)
        {
            throw new TfjsConversionException("the model has no outputs to convert");
        }

        foreach (var node in TopologicalOrder(outputs))
        {
            try
            {
                ConvertNode(node);
            }
            catch (TfjsConversionException)
            {
                throw;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException or IndexOutOfRangeException)
            {
                throw new TfjsConversionException($"cannot convert {node}: {e.Message}", e);
            }
        }

        foreach (var output in outputs)
        {
            var t = Get(output);
            var name = Native(t);
            _b.Reserve(output);
            _b.NodeTo("Identity", output, [name]);
            _b.Output(output, t.Type);
        }

        return _b.Build(options.Description);
    }

    private List<string> DefaultOutputs()
    {
        if (_model.SignatureOutputs.Count > 0)
        {
            return [.. _model.SignatureOutputs];
        }

        var consumed = _model.Nodes.SelectMany(n => n.Inputs).Select(i => i.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        return _model.Nodes.Where(n => n.Op is not ("Const" or "Placeholder") && !consumed.Contains(n.Name)).Select(n => n.Name).ToList();
    }

    /// <summary>Only what the outputs need, each node after its inputs (iterative DFS: graphs can be deep).</summary>
    private List<TfNode> TopologicalOrder(IEnumerable<string> outputs)
    {
        var order = new List<TfNode>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            var stack = new Stack<(TfNode Node, bool Expanded)>();
            stack.Push((NodeOf(output), false));
            while (stack.Count > 0)
            {
                var (node, expanded) = stack.Pop();
                if (expanded)
                {
                    state[node.Name] = 2;
                    order.Add(node);
                    continue;
                }

                if (state.TryGetValue(node.Name, out var s))
                {
                    if (s == 1)
                    {
                        throw new TfjsConversionException($"the graph has a cycle through {node}");
                    }

                    continue;
                }

                state[node.Name] = 1;
                stack.Push((node, true));
                foreach (var input in node.Inputs.Reverse())
                {
                    var dep = NodeOf(input);
                    if (!state.TryGetValue(dep.Name, out var ds))
                    {
                        stack.Push((dep, false));
                    }
                    else if (ds == 1)
                    {
                        throw new TfjsConversionException($"the graph has a cycle through {dep}");
                    }
                }
            }
        }

        return order;
    }

    private TfNode NodeOf(string tensor)
    {
        var name = tensor.Split(':')[0];
        return _model.ByName.TryGetValue(name, out var n) ? n : throw new TfjsConversionException($"tensor '{tensor}' refers to no node");
    }

    private TensorRef Get(string tensor)
    {
        var key = TfjsGraphModel.NormalizeTensorName(tensor);
        return _tensors.TryGetValue(key, out var t) ? t : throw new TfjsConversionException($"tensor '{tensor}' was not converted");
    }

    private TensorRef In(TfNode node, int index) =>
        index < node.Inputs.Count ? Get(node.Inputs[index]) : throw new TfjsConversionException($"{node} needs at least {index + 1} inputs");

    private TensorData ConstIn(TfNode node, int index) =>
        In(node, index).Constant ?? throw new TfjsConversionException($"{node}: input {index} must be a constant");

    private void Set(TfNode node, TensorRef t, int outputIndex = 0) =>
        _tensors[outputIndex == 0 ? node.Name : $"{node.Name}:{outputIndex}"] = t;

    private void SetNative(TfNode node, string onnxName, int rank, ElemType type) => Set(node, new TensorRef(onnxName, false, rank, type));

    private void SetNchw(TfNode node, string onnxName, ElemType type = ElemType.Float) => Set(node, new TensorRef(onnxName, true, 4, type));

    /// <summary>The tensor in TF's native layout (emitting constants and a cached transpose back as needed).</summary>
    private string Native(TensorRef t)
    {
        if (t.Constant is not null)
        {
            return t.NativeName ??= _b.Initializer("const", t.Constant);
        }

        if (!t.Nchw)
        {
            return t.OnnxName;
        }

        return t.NativeName ??= _b.Node("Transpose", "to_nhwc", [t.OnnxName], OnnxGraphBuilder.Attr("perm", ToNhwc.Select(i => (long)i)));
    }

    /// <summary>
    /// The tensor in NCHW. A constant of rank ≤ 4 is broadcast-aligned first (TF broadcasting pads on the left),
    /// so per-channel vectors [C] become [1,C,1,1]; a native rank-4 tensor gets a cached transpose.
    /// </summary>
    private string Nchw(TensorRef t)
    {
        if (t.Nchw)
        {
            return t.OnnxName;
        }

        if (t.Constant is { } c)
        {
            if (t.NchwName is not null)
            {
                return t.NchwName;
            }

            if (c.Rank == 0)
            {
                return t.NchwName = Native(t);
            }

            if (c.Rank > 4)
            {
                throw new TfjsConversionException($"a rank-{c.Rank} constant cannot meet an NCHW tensor");
            }

            var shape4 = Enumerable.Repeat(1L, 4 - c.Rank).Concat(c.Shape).ToArray();
            return t.NchwName = _b.Initializer("const_nchw", c.WithShape(shape4).Transpose(ToNchw));
        }

        if (t.Rank != 4)
        {
            throw new TfjsConversionException($"tensor {t.OnnxName} of rank {t.Rank} cannot be laid out as NCHW");
        }

        return t.NchwName ??= _b.Node("Transpose", "to_nchw", [t.OnnxName], OnnxGraphBuilder.Attr("perm", ToNchw.Select(i => (long)i)));
    }

    /// <summary>Whether a set of inputs should meet in NCHW: some are NCHW and all others can follow.</summary>
    private static bool PreferNchw(IReadOnlyCollection<TensorRef> inputs) =>
        inputs.Any(i => i.Nchw) && inputs.All(i => i.Nchw || (i.Constant is { } c ? c.Rank <= 4 : i.Rank == 4));

    /// <summary>TF NHWC axis → NCHW axis.</summary>
    private static long NchwAxis(long axis, int rank = 4)
    {
        var a = axis < 0 ? axis + rank : axis;
        return Array.IndexOf(ToNchw, (int)a);
    }
}
