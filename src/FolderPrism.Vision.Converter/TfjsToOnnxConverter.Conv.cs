using FolderPrism.Vision.Converter.OnnxWriting;
using FolderPrism.Vision.Converter.Tfjs;

namespace FolderPrism.Vision.Converter;

/// <summary>Spatial ops, all run in NCHW: convolutions (plain, fused, depthwise), pooling, batch norm, pad, resize.</summary>
public sealed partial class TfjsToOnnxConverter
{
    private void Convolution(TfNode node)
    {
        if (node.String("data_format") is { } fmt && fmt != "NHWC")
        {
            throw new TfjsConversionException($"{node}: only NHWC convolutions are supported, not {fmt}");
        }

        var x = Nchw(In(node, 0));
        var filter = ConstIn(node, 1);
        if (filter.Rank != 4)
        {
            throw new TfjsConversionException($"{node}: filter must be rank 4");
        }

        var depthwise = node.Op.Contains("Depthwise", StringComparison.Ordinal);
        TensorData weights;
        long group = 1;
        if (depthwise)
        {
            // TF [kh, kw, C, M] → ONNX grouped conv [C·M, 1, kh, kw]; output channel c·M+m reads input channel c.
            var (kh, kw, c, m) = (filter.Shape[0], filter.Shape[1], filter.Shape[2], filter.Shape[3]);
            weights = filter.Transpose([2, 3, 0, 1]).WithShape([c * m, 1, kh, kw]);
            group = c;
        }
        else
        {
            weights = filter.Transpose([3, 2, 0, 1]); // HWIO → OIHW
        }

        var inputs = new List<string> { x, _b.Initializer("weights", weights) };
        var fused = node.Strings("fused_ops");
        var activations = new List<string>();
        foreach (var f in fused)
        {
            if (f == "BiasAdd")
            {
                inputs.Add(_b.Initializer("bias", ConstIn(node, 2)));
            }
            else
            {
                activations.Add(f);
            }
        }

        var attrs = new List<Onnx.AttributeProto>
        {
            A("kernel_shape", [filter.Shape[0], filter.Shape[1]]),
            A("strides", Spatial(node.Ints("strides"))),
            A("dilations", Spatial(node.Ints("dilations"))),
            A("group", group),
        };
        attrs.AddRange(Padding(node));
        var y = _b.Node("Conv", node.Name, inputs, [.. attrs]);
        var alphaIndex = fused.Contains("BiasAdd") ? 3 : 2;
        foreach (var act in activations)
        {
            y = Activate(node, act, y, nchw: true, alphaIndex);
        }

        SetNchw(node, y);
    }

    private string Activate(TfNode node, string act, string x, bool nchw, int alphaIndex) => act switch
    {
        "Relu" => _b.Node("Relu", node.Name + "/relu", [x]),
        "Relu6" => _b.Node("Clip", node.Name + "/relu6", [x, _b.FloatScalar("zero", 0), _b.FloatScalar("six", 6)]),
        "Elu" => _b.Node("Elu", node.Name + "/elu", [x]),
        "Sigmoid" => _b.Node("Sigmoid", node.Name + "/sigmoid", [x]),
        "Tanh" => _b.Node("Tanh", node.Name + "/tanh", [x]),
        "LeakyRelu" => _b.Node("LeakyRelu", node.Name + "/leaky", [x], A("alpha", node.Float("leakyrelu_alpha", 0.2f))),
        "Prelu" => _b.Node("PRelu", node.Name + "/prelu", [x, nchw ? Nchw(In(node, alphaIndex)) : Native(In(node, alphaIndex))]),
        _ => throw new TfjsConversionException($"{node}: unsupported fused op '{act}'"),
    };

    private IEnumerable<Onnx.AttributeProto> Padding(TfNode node)
    {
        var padding = node.String("padding") ?? "VALID";
        switch (padding)
        {
            case "SAME":
                yield return A("auto_pad", "SAME_UPPER"); // TF puts the odd extra pixel at the end, as SAME_UPPER does.
                break;
            case "VALID":
                yield return A("pads", [0L, 0, 0, 0]);
                break;
            case "EXPLICIT":
                var p = node.Ints("explicit_paddings");
                if (p.Length != 8)
                {
                    throw new TfjsConversionException($"{node}: explicit_paddings must have 8 values");
                }

                yield return A("pads", [p[2], p[4], p[3], p[5]]);
                break;
            default:
                throw new TfjsConversionException($"{node}: unsupported padding '{padding}'");
        }
    }

    private static long[] Spatial(long[] nhwc) => nhwc.Length == 4 ? [nhwc[1], nhwc[2]] : [1, 1];

    private void Pool(TfNode node)
    {
        var x = Nchw(In(node, 0));
        var attrs = new List<Onnx.AttributeProto>
        {
            A("kernel_shape", Spatial(node.Ints("ksize"))),
            A("strides", Spatial(node.Ints("strides"))),
        };
        attrs.AddRange(Padding(node));
        SetNchw(node, _b.Node(node.Op == "MaxPool" ? "MaxPool" : "AveragePool", node.Name, [x], [.. attrs]));
    }

    private void BatchNorm(TfNode node)
    {
        var x = Nchw(In(node, 0));
        var inputs = new List<string> { x };
        for (var i = 1; i <= 4; i++)
        {
            inputs.Add(_b.Initializer("bn", ConstIn(node, i)));
        }

        SetNchw(node, _b.Node("BatchNormalization", node.Name, inputs, A("epsilon", node.Float("epsilon", 1e-3f))));
    }

    private void Pad(TfNode node)
    {
        var input = In(node, 0);
        var paddings = ConstIn(node, 1).AsLongs();
        var rank = paddings.Length / 2;
        var nchw = input.Nchw && rank == 4;
        var x = nchw ? input.OnnxName : Native(input);
        var axisOrder = nchw ? ToNchw : Enumerable.Range(0, rank).ToArray();
        var pads = axisOrder.Select(a => paddings[a * 2]).Concat(axisOrder.Select(a => paddings[(a * 2) + 1])).ToArray();
        var inputs = new List<string> { x, _b.Int64Initializer("pads", pads) };
        var attrs = new List<Onnx.AttributeProto>();
        if (node.Op == "PadV2")
        {
            inputs.Add(Native(In(node, 2)));
        }
        else if (node.Op == "MirrorPad")
        {
            attrs.Add(A("mode", node.String("mode") == "REFLECT" ? "reflect" : throw new TfjsConversionException($"{node}: only REFLECT mirror padding is supported")));
        }

        var y = _b.Node("Pad", node.Name, inputs, [.. attrs]);
        Set(node, new TensorRef(y, nchw, rank, input.Type));
    }

    private void Resize(TfNode node)
    {
        var x = Nchw(In(node, 0));
        var size = In(node, 1);
        var batchAndChannels = _b.Node("Slice", node.Name + "/nc", [_b.Node("Shape", node.Name + "/shape", [x]), _b.Int64Initializer("zero", [0]), _b.Int64Initializer("two", [2])]);
        var hw = size.Constant is { } c
            ? ConstantResizeSize(node, c.AsLongs())
            : _b.Node("Cast", node.Name + "/hw", [Native(size)], A("to", (long)ElemType.Int64));
        var sizes = _b.Node("Concat", node.Name + "/sizes", [batchAndChannels, hw], A("axis", 0L));
        var alignCorners = node.Bool("align_corners");
        var halfPixel = node.Bool("half_pixel_centers");
        var bilinear = node.Op == "ResizeBilinear";
        var attrs = new List<Onnx.AttributeProto> { A("mode", bilinear ? "linear" : "nearest") };
        if (bilinear)
        {
            attrs.Add(A("coordinate_transformation_mode", alignCorners ? "align_corners" : halfPixel ? "half_pixel" : "asymmetric"));
        }
        else
        {
            attrs.Add(A("coordinate_transformation_mode", alignCorners ? "align_corners" : halfPixel ? "tf_half_pixel_for_nn" : "asymmetric"));
            attrs.Add(A("nearest_mode", alignCorners ? "round_prefer_ceil" : "floor"));
        }

        SetNchw(node, _b.Node("Resize", node.Name, [x, string.Empty, string.Empty, sizes], [.. attrs]));
    }

    /// <summary>
    /// A resize to a constant [h, w]: as is, or with a dynamic image input scaled like the input, h × H / H₀ (integer
    /// arithmetic; exact for the power-of-two strides of convolutional backbones).
    /// </summary>
    private string ConstantResizeSize(TfNode node, long[] hw)
    {
        if (_spatialInput is not { } input)
        {
            return _b.Int64Initializer("hw", hw);
        }

        var inputHw = _b.Node("Slice", node.Name + "/input_hw", [_b.Node("Shape", node.Name + "/input_shape", [input.Name]), _b.Int64Initializer("one", [1]), _b.Int64Initializer("three", [3])]);
        var scaled = _b.Node("Mul", node.Name + "/hw_scaled", [inputHw, _b.Int64Initializer("hw", hw)]);
        return _b.Node("Div", node.Name + "/hw", [scaled, _b.Int64Initializer("input_hw0", [input.Height, input.Width])]);
    }

    /// <summary>TF's NHWC DepthToSpace orders channels block-first, which is ONNX's DCR mode on NCHW.</summary>
    private void BlockRearrange(TfNode node)
    {
        if (node.String("data_format") is { } fmt && fmt != "NHWC")
        {
            throw new TfjsConversionException($"{node}: only NHWC is supported");
        }

        var x = Nchw(In(node, 0));
        var block = node.Int("block_size");
        var y = node.Op == "DepthToSpace"
            ? _b.Node("DepthToSpace", node.Name, [x], A("blocksize", block), A("mode", "DCR"))
            : _b.Node("SpaceToDepth", node.Name, [x], A("blocksize", block));
        SetNchw(node, y);
    }
}
