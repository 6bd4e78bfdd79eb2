using FolderPrism.Vision.Converter.OnnxWriting;
using FolderPrism.Vision.Converter.Tfjs;

namespace FolderPrism.Vision.Converter;

/// <summary>Op dispatch: one TF op → ONNX nodes.</summary>
public sealed partial class TfjsToOnnxConverter
{
    private void ConvertNode(TfNode node)
    {
        switch (node.Op)
        {
            case "Placeholder":
                Placeholder(node);
                break;
            case "Const":
                Constant(node);
                break;
            case "Identity":
            case "StopGradient":
            case "Snapshot":
                Set(node, In(node, 0));
                break;
            case "Conv2D":
            case "_FusedConv2D":
            case "DepthwiseConv2dNative":
            case "FusedDepthwiseConv2dNative":
                Convolution(node);
                break;
            case "MaxPool":
            case "AvgPool":
                Pool(node);
                break;
            case "FusedBatchNorm":
            case "FusedBatchNormV3":
                BatchNorm(node);
                break;
            case "Pad":
            case "PadV2":
            case "MirrorPad":
                Pad(node);
                break;
            case "ResizeBilinear":
            case "ResizeNearestNeighbor":
                Resize(node);
                break;
            case "DepthToSpace":
            case "SpaceToDepth":
                BlockRearrange(node);
                break;
            case "BiasAdd":
            case "Add":
            case "AddV2":
            case "Sub":
            case "Mul":
            case "RealDiv":
            case "Div":
            case "Minimum":
            case "Maximum":
            case "Pow":
            case "Equal":
            case "Greater":
            case "Less":
            case "FloorDiv":
            case "FloorMod":
            case "SquaredDifference":
                Binary(node);
                break;
            case "Relu":
            case "Relu6":
            case "Elu":
            case "Selu":
            case "LeakyRelu":
            case "Sigmoid":
            case "Tanh":
            case "Exp":
            case "Log":
            case "Sqrt":
            case "Rsqrt":
            case "Square":
            case "Neg":
            case "Abs":
            case "Floor":
            case "Ceil":
            case "Round":
            case "Reciprocal":
            case "Softplus":
                Unary(node);
                break;
            case "Prelu":
                Prelu(node);
                break;
            case "Softmax":
                SoftmaxOp(node);
                break;
            case "Mean":
            case "Max":
            case "Min":
            case "Sum":
            case "Prod":
                Reduce(node);
                break;
            case "MatMul":
            case "_FusedMatMul":
                MatMul(node);
                break;
            case "ConcatV2":
            case "Concat":
                Concat(node);
                break;
            case "Reshape":
                Reshape(node);
                break;
            case "Shape":
                ShapeOp(node);
                break;
            case "StridedSlice":
                StridedSlice(node);
                break;
            case "Pack":
                Pack(node);
                break;
            case "Squeeze":
                Squeeze(node);
                break;
            case "ExpandDims":
                ExpandDims(node);
                break;
            case "Cast":
                Cast(node);
                break;
            case "Transpose":
                TransposeOp(node);
                break;
            default:
                throw new TfjsConversionException($"unsupported op {node}");
        }
    }

    private void Placeholder(TfNode node)
    {
        var shape = node.Shape();
        var type = TypeOf(node.Type("dtype"));
        if (_options.DynamicSpatialInput && shape is { Length: 4 } && shape[1] > 0 && shape[2] > 0)
        {
            if (_spatialInput is not null)
            {
                throw new TfjsConversionException($"{node}: a dynamic spatial input needs a model with a single image input");
            }

            _spatialInput = (node.Name, shape[1], shape[2]);
            shape = [shape[0], -1, -1, shape[3]];
        }

        _b.Reserve(node.Name);
        _b.Input(node.Name, type, shape);
        Set(node, new TensorRef(node.Name, false, shape?.Length ?? -1, type));
    }

    private void Constant(TfNode node)
    {
        if (!_model.Weights.TryGetValue(node.Name, out var data))
        {
            throw new TfjsConversionException($"constant '{node.Name}' has no data in the weights manifest");
        }

        Set(node, new TensorRef(node.Name, false, data.Rank, data.Type, data));
    }

    private static ElemType TypeOf(string? tfType) => tfType switch
    {
        null or "DT_FLOAT" or "DT_HALF" => ElemType.Float,
        "DT_INT32" => ElemType.Int32,
        "DT_INT64" => ElemType.Int64,
        "DT_BOOL" => ElemType.Bool,
        _ => throw new TfjsConversionException($"unsupported tensor type {tfType}"),
    };

    private static Onnx.AttributeProto A(string name, long value) => OnnxGraphBuilder.Attr(name, value);

    private static Onnx.AttributeProto A(string name, float value) => OnnxGraphBuilder.Attr(name, value);

    private static Onnx.AttributeProto A(string name, string value) => OnnxGraphBuilder.Attr(name, value);

    private static Onnx.AttributeProto A(string name, IEnumerable<long> values) => OnnxGraphBuilder.Attr(name, values);
}
