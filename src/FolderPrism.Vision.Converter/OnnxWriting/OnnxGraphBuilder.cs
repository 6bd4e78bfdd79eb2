using FolderPrism.Vision.Converter.Onnx;
using FolderPrism.Vision.Converter.Tfjs;
using Google.Protobuf;

namespace FolderPrism.Vision.Converter.OnnxWriting;

/// <summary>Accumulates ONNX nodes and initializers with unique value names, then builds an opset-13 ModelProto.</summary>
internal sealed class OnnxGraphBuilder
{
    public const int Opset = 13;

    private readonly GraphProto _graph = new() { Name = "folderprism" };
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _counter;

    public string Unique(string hint)
    {
        var name = "~" + hint;
        while (!_names.Add(name))
        {
            name = $"~{hint}_{++_counter}";
        }

        return name;
    }

    public void Reserve(string name) => _names.Add(name);

    /// <summary>Adds a node and returns its first output name.</summary>
    public string Node(string op, string hint, IEnumerable<string> inputs, params AttributeProto[] attrs)
    {
        var output = Unique(hint);
        NodeTo(op, output, inputs, attrs);
        return output;
    }

    public void NodeTo(string op, string output, IEnumerable<string> inputs, params AttributeProto[] attrs)
    {
        var node = new NodeProto { OpType = op, Name = output.TrimStart('~') + "/" + op };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attrs);
        _graph.Node.Add(node);
    }

    public string Initializer(string hint, TensorData data)
    {
        var name = Unique(hint);
        var t = new TensorProto { Name = name };
        t.Dims.AddRange(data.Shape);
        if (data.Floats is not null)
        {
            t.DataType = (int)TensorProto.Types.DataType.Float;
            var bytes = new byte[data.Floats.Length * 4];
            Buffer.BlockCopy(data.Floats, 0, bytes, 0, bytes.Length);
            t.RawData = ByteString.CopyFrom(bytes);
        }
        else
        {
            t.DataType = (int)TensorProto.Types.DataType.Int32;
            var bytes = new byte[data.Ints!.Length * 4];
            Buffer.BlockCopy(data.Ints, 0, bytes, 0, bytes.Length);
            t.RawData = ByteString.CopyFrom(bytes);
        }

        _graph.Initializer.Add(t);
        return name;
    }

    public string Int64Initializer(string hint, long[] values, bool scalar = false)
    {
        var name = Unique(hint);
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        if (!scalar)
        {
            t.Dims.Add(values.Length);
        }

        var bytes = new byte[values.Length * 8];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        t.RawData = ByteString.CopyFrom(bytes);
        _graph.Initializer.Add(t);
        return name;
    }

    public string FloatScalar(string hint, float value) => Initializer(hint, new TensorData([], [value]));

    public void Input(string name, ElemType type, long[]? shape) => _graph.Input.Add(ValueInfo(name, type, shape));

    public void Output(string name, ElemType type) => _graph.Output.Add(ValueInfo(name, type, null));

    public ModelProto Build(string docString)
    {
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "FolderPrism",
            ProducerVersion = "1",
            DocString = docString,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        return model;
    }

    public static AttributeProto Attr(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Attr(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Attr(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Attr(string name, IEnumerable<long> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    private static ValueInfoProto ValueInfo(string name, ElemType type, long[]? shape)
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)type };
        if (shape is not null)
        {
            tensorType.Shape = new TensorShapeProto();
            for (var i = 0; i < shape.Length; i++)
            {
                tensorType.Shape.Dim.Add(shape[i] >= 0
                    ? new TensorShapeProto.Types.Dimension { DimValue = shape[i] }
                    : new TensorShapeProto.Types.Dimension { DimParam = $"{name.Replace('/', '_')}_d{i}" });
            }
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }
}
