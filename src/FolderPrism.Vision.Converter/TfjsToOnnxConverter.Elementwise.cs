using FolderPrism.Vision.Converter.OnnxWriting;
using FolderPrism.Vision.Converter.Tfjs;

namespace FolderPrism.Vision.Converter;

/// <summary>Layout-agnostic ops (elementwise, activations) and reductions/matmul, which follow their inputs' layout.</summary>
public sealed partial class TfjsToOnnxConverter
{
    private void Binary(TfNode node)
    {
        var a = In(node, 0);
        var b = In(node, 1);
        var nchw = PreferNchw([a, b]);
        var x = nchw ? Nchw(a) : Native(a);
        var y = nchw ? Nchw(b) : Native(b);
        var rank = nchw ? 4 : (a.Rank < 0 || b.Rank < 0 ? -1 : Math.Max(a.Rank, b.Rank));
        var type = a.Type;
        string output;
        switch (node.Op)
        {
            case "BiasAdd" or "Add" or "AddV2":
                output = _b.Node("Add", node.Name, [x, y]);
                break;
            case "Sub":
                output = _b.Node("Sub", node.Name, [x, y]);
                break;
            case "Mul":
                output = _b.Node("Mul", node.Name, [x, y]);
                break;
            case "RealDiv" or "Div":
                output = _b.Node("Div", node.Name, [x, y]);
                break;
            case "Minimum":
                output = _b.Node("Min", node.Name, [x, y]);
                break;
            case "Maximum":
                output = _b.Node("Max", node.Name, [x, y]);
                break;
            case "Pow":
                output = _b.Node("Pow", node.Name, [x, y]);
                break;
            case "Equal" or "Greater" or "Less":
                output = _b.Node(node.Op, node.Name, [x, y]);
                type = ElemType.Bool;
                break;
            case "FloorDiv":
                output = type == ElemType.Float
                    ? _b.Node("Floor", node.Name, [_b.Node("Div", node.Name + "/div", [x, y])])
                    : FloorDivInt(node.Name, x, y);
                break;
            case "FloorMod":
                output = type == ElemType.Float
                    ? _b.Node("Sub", node.Name, [x, _b.Node("Mul", node.Name + "/m", [_b.Node("Floor", node.Name + "/f", [_b.Node("Div", node.Name + "/d", [x, y])]), y])])
                    : _b.Node("Mod", node.Name, [x, y], A("fmod", 0L));
                break;
            case "SquaredDifference":
                var d = _b.Node("Sub", node.Name + "/diff", [x, y]);
                output = _b.Node("Mul", node.Name, [d, d]);
                break;
            default:
                throw new TfjsConversionException($"unsupported binary op {node}");
        }

        Set(node, new TensorRef(output, nchw, rank, type));
    }

    /// <summary>Integer floor division (ONNX Div truncates toward zero): (x - mod(x, y)) / y with Python-style mod.</summary>
    private string FloorDivInt(string name, string x, string y)
    {
        var mod = _b.Node("Mod", name + "/mod", [x, y], A("fmod", 0L));
        return _b.Node("Div", name, [_b.Node("Sub", name + "/sub", [x, mod]), y]);
    }

    private void Unary(TfNode node)
    {
        var input = In(node, 0);
        var x = input.Nchw ? input.OnnxName : Native(input);
        var y = node.Op switch
        {
            "Relu" or "Elu" or "Sigmoid" or "Tanh" or "Exp" or "Log" or "Sqrt" or "Neg" or "Abs" or "Floor" or "Ceil" or "Round" or "Reciprocal" or "Softplus" or "Selu"
                => _b.Node(node.Op, node.Name, [x]),
            "Relu6" => _b.Node("Clip", node.Name, [x, _b.FloatScalar("zero", 0), _b.FloatScalar("six", 6)]),
            "LeakyRelu" => _b.Node("LeakyRelu", node.Name, [x], A("alpha", node.Float("alpha", 0.2f))),
            "Rsqrt" => _b.Node("Reciprocal", node.Name, [_b.Node("Sqrt", node.Name + "/sqrt", [x])]),
            "Square" => _b.Node("Mul", node.Name, [x, x]),
            _ => throw new TfjsConversionException($"unsupported unary op {node}"),
        };
        Set(node, new TensorRef(y, input.Nchw, input.Rank, input.Type));
    }

    private void Prelu(TfNode node)
    {
        var input = In(node, 0);
        var alpha = In(node, 1);
        var nchw = input.Nchw && PreferNchw([input, alpha]);
        var y = _b.Node("PRelu", node.Name, [nchw ? input.OnnxName : Native(input), nchw ? Nchw(alpha) : Native(alpha)]);
        Set(node, new TensorRef(y, nchw, input.Rank, input.Type));
    }

    private void SoftmaxOp(TfNode node)
    {
        var input = In(node, 0);
        SetNative(node, _b.Node("Softmax", node.Name, [Native(input)], A("axis", -1L)), input.Rank, input.Type);
    }

    private void Reduce(TfNode node)
    {
        var input = In(node, 0);
        var keep = node.Bool("keep_dims");
        var rank = input.Rank;
        var axes = ConstIn(node, 1).AsLongs().Select(a => a < 0 ? a + rank : a).Distinct().Order().ToArray();
        if (rank < 0 && axes.Any(a => a < 0))
        {
            throw new TfjsConversionException($"{node}: negative axes need a known rank");
        }

        var x = Native(input);
        var nchw = false;
        if (input.Nchw)
        {
            var remaining = Enumerable.Range(0, 4).Where(a => !axes.Contains(a)).Select(a => NchwAxis(a)).ToArray();
            if (keep || remaining.SequenceEqual(remaining.Order()))
            {
                x = input.OnnxName;
                axes = axes.Select(a => NchwAxis(a)).Order().ToArray();
                nchw = keep;
            }
        }

        var op = node.Op switch
        {
            "Mean" => "ReduceMean",
            "Max" => "ReduceMax",
            "Min" => "ReduceMin",
            "Prod" => "ReduceProd",
            _ => "ReduceSum",
        };
        var y = op == "ReduceSum"
            ? _b.Node(op, node.Name, [x, _b.Int64Initializer("axes", axes)], A("keepdims", keep ? 1L : 0L))
            : _b.Node(op, node.Name, [x], A("axes", axes), A("keepdims", keep ? 1L : 0L));
        Set(node, new TensorRef(y, nchw, rank < 0 ? -1 : keep ? rank : rank - axes.Length, input.Type));
    }

    private void MatMul(TfNode node)
    {
        var a = In(node, 0);
        var b = In(node, 1);
        var transA = node.Bool("transpose_a");
        var transB = node.Bool("transpose_b");
        var fused = node.Strings("fused_ops");
        var bias = fused.Contains("BiasAdd");
        string y;
        if (a.Rank == 2 && b.Rank == 2)
        {
            var inputs = new List<string> { Native(a), Native(b) };
            if (bias)
            {
                inputs.Add(Native(In(node, 2)));
            }

            y = _b.Node("Gemm", node.Name, inputs, A("transA", transA ? 1L : 0L), A("transB", transB ? 1L : 0L));
        }
        else
        {
            if (transA || transB)
            {
                throw new TfjsConversionException($"{node}: transposed batched MatMul is not supported");
            }

            y = _b.Node("MatMul", node.Name, [Native(a), Native(b)]);
            if (bias)
            {
                y = _b.Node("Add", node.Name + "/bias", [y, Native(In(node, 2))]);
            }
        }

        foreach (var act in fused.Where(f => f != "BiasAdd"))
        {
            y = Activate(node, act, y, nchw: false, bias ? 3 : 2);
        }

        SetNative(node, y, Math.Max(a.Rank, b.Rank), a.Type);
    }
}
