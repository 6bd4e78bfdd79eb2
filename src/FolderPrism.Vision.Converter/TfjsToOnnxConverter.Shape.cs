using FolderPrism.Vision.Converter.OnnxWriting;
using FolderPrism.Vision.Converter.Tfjs;

namespace FolderPrism.Vision.Converter;

/// <summary>
/// Layout-sensitive shape ops. Reshape, Shape, StridedSlice, Squeeze, Pack… all see TF's native order, so their
/// inputs are transposed back first; shape vectors computed in-graph (dynamic reshape targets) stay dynamic.
/// </summary>
public sealed partial class TfjsToOnnxConverter
{
    private readonly Dictionary<string, int> _vectorLengths = new(StringComparer.Ordinal);

    private void Concat(TfNode node)
    {
        var axisIndex = node.Op == "Concat" ? 0 : node.Inputs.Count - 1;
        var axis = ConstIn(node, axisIndex).AsLongs()[0];
        var parts = Enumerable.Range(0, node.Inputs.Count).Where(i => i != axisIndex).Select(i => In(node, i)).ToList();
        var nchw = PreferNchw(parts);
        var rank = parts.Max(p => p.Rank);
        var names = parts.Select(p => nchw ? Nchw(p) : Native(p)).ToList();
        var onnxAxis = nchw ? NchwAxis(axis) : axis;
        var y = _b.Node("Concat", node.Name, names, A("axis", onnxAxis));
        Set(node, new TensorRef(y, nchw, nchw ? 4 : rank, parts[0].Type));
        if (rank == 1 && parts.All(p => _vectorLengths.ContainsKey(Native(p)) || p.Constant is not null))
        {
            _vectorLengths[y] = parts.Sum(p => p.Constant is { } c ? (int)c.Count : _vectorLengths[Native(p)]);
        }
    }

    private void Reshape(TfNode node)
    {
        var input = In(node, 0);
        var shape = In(node, 1);
        string target;
        int rank;
        if (shape.Constant is { } c)
        {
            var dims = c.AsLongs();
            target = _b.Int64Initializer("shape", dims);
            rank = dims.Length;
        }
        else
        {
            var native = Native(shape);
            target = _b.Node("Cast", node.Name + "/shape64", [native], A("to", (long)ElemType.Int64));
            rank = _vectorLengths.TryGetValue(native, out var n) ? n : -1;
        }

        SetNative(node, _b.Node("Reshape", node.Name, [Native(input), target]), rank, input.Type);
    }

    private void ShapeOp(TfNode node)
    {
        var input = In(node, 0);
        var y = _b.Node("Shape", node.Name, [Native(input)]);
        var type = node.Type("out_type") == "DT_INT64" ? ElemType.Int64 : ElemType.Int32;
        if (type == ElemType.Int32)
        {
            y = _b.Node("Cast", node.Name + "/i32", [y], A("to", (long)ElemType.Int32));
        }

        if (input.Rank >= 0)
        {
            _vectorLengths[y] = input.Rank;
        }

        SetNative(node, y, 1, type);
    }

    private void StridedSlice(TfNode node)
    {
        if (node.Int("ellipsis_mask") != 0 || node.Int("new_axis_mask") != 0)
        {
            throw new TfjsConversionException($"{node}: ellipsis and new-axis masks are not supported");
        }

        var input = In(node, 0);
        var begin = ConstIn(node, 1).AsLongs();
        var end = ConstIn(node, 2).AsLongs();
        var strides = ConstIn(node, 3).AsLongs();
        var (beginMask, endMask, shrinkMask) = (node.Int("begin_mask"), node.Int("end_mask"), node.Int("shrink_axis_mask"));
        var starts = new long[begin.Length];
        var ends = new long[begin.Length];
        var shrink = new List<long>();
        for (var i = 0; i < begin.Length; i++)
        {
            var forward = strides[i] > 0;
            if ((shrinkMask >> i & 1) != 0)
            {
                starts[i] = begin[i];
                ends[i] = begin[i] == -1 ? long.MaxValue : begin[i] + 1;
                strides[i] = 1;
                shrink.Add(i);
                continue;
            }

            starts[i] = (beginMask >> i & 1) != 0 ? (forward ? 0 : long.MaxValue) : begin[i];
            ends[i] = (endMask >> i & 1) != 0 ? (forward ? long.MaxValue : long.MinValue) : end[i];
        }

        var axes = Enumerable.Range(0, begin.Length).Select(i => (long)i).ToArray();
        var y = _b.Node("Slice", node.Name, [
            Native(input),
            _b.Int64Initializer("starts", starts),
            _b.Int64Initializer("ends", ends),
            _b.Int64Initializer("axes", axes),
            _b.Int64Initializer("steps", strides),
        ]);
        if (shrink.Count > 0)
        {
            y = _b.Node("Squeeze", node.Name + "/shrink", [y, _b.Int64Initializer("axes", [.. shrink])]);
        }

        SetNative(node, y, input.Rank < 0 ? -1 : input.Rank - shrink.Count, input.Type);
    }

    private void Pack(TfNode node)
    {
        var parts = Enumerable.Range(0, node.Inputs.Count).Select(i => In(node, i)).ToList();
        var axis = node.Int("axis");
        var axes = _b.Int64Initializer("axis", [axis]);
        var names = parts.Select(p => _b.Node("Unsqueeze", node.Name + "/item", [Native(p), axes])).ToList();
        var y = _b.Node("Concat", node.Name, names, A("axis", axis));
        var rank = parts[0].Rank < 0 ? -1 : parts[0].Rank + 1;
        if (rank == 1)
        {
            _vectorLengths[y] = parts.Count;
        }

        SetNative(node, y, rank, parts[0].Type);
    }

    private void Squeeze(TfNode node)
    {
        var input = In(node, 0);
        var dims = node.Ints("squeeze_dims");
        if (dims.Length == 0)
        {
            dims = node.Ints("axis");
        }

        var y = dims.Length == 0
            ? _b.Node("Squeeze", node.Name, [Native(input)])
            : _b.Node("Squeeze", node.Name, [Native(input), _b.Int64Initializer("axes", dims)]);
        SetNative(node, y, dims.Length == 0 || input.Rank < 0 ? -1 : input.Rank - dims.Length, input.Type);
    }

    private void ExpandDims(TfNode node)
    {
        var input = In(node, 0);
        var axis = ConstIn(node, 1).AsLongs();
        var y = _b.Node("Unsqueeze", node.Name, [Native(input), _b.Int64Initializer("axes", axis)]);
        SetNative(node, y, input.Rank < 0 ? -1 : input.Rank + 1, input.Type);
    }

    private void Cast(TfNode node)
    {
        var input = In(node, 0);
        var type = TypeOf(node.Type("DstT"));
        var x = input.Nchw ? input.OnnxName : Native(input);
        var y = _b.Node("Cast", node.Name, [x], A("to", (long)type));
        Set(node, new TensorRef(y, input.Nchw, input.Rank, type));
    }

    private void TransposeOp(TfNode node)
    {
        var input = In(node, 0);
        var perm = ConstIn(node, 1).AsLongs();
        SetNative(node, _b.Node("Transpose", node.Name, [Native(input)], A("perm", perm)), input.Rank, input.Type);
    }
}
