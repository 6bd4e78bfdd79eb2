using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>
/// Writes a small tfjs graph model (model.json + one weight shard) the way tfjs-converter lays them out, so a
/// test can build a one-op graph, run it in tfjs and in ONNX Runtime, and compare.
/// </summary>
internal sealed class TinyTfjsModel
{
    private readonly JsonArray _nodes = [];
    private readonly JsonArray _weights = [];
    private readonly MemoryStream _data = new();
    private readonly Random _random = new(1234);

    public TinyTfjsModel Placeholder(string name, params int[] shape)
    {
        _nodes.Add(new JsonObject
        {
            ["name"] = name,
            ["op"] = "Placeholder",
            ["attr"] = new JsonObject
            {
                ["dtype"] = new JsonObject { ["type"] = "DT_FLOAT" },
                ["shape"] = new JsonObject { ["shape"] = Shape(shape) },
            },
        });
        return this;
    }

    /// <summary>A float constant stored as float32, float16 or uint8-quantized.</summary>
    public TinyTfjsModel Const(string name, float[] values, int[] shape, string encoding = "float32")
    {
        AddConstNode(name, shape, "DT_FLOAT");
        var weight = new JsonObject { ["name"] = name, ["shape"] = new JsonArray(shape.Select(s => (JsonNode)s).ToArray()), ["dtype"] = "float32" };
        switch (encoding)
        {
            case "float32":
                foreach (var v in values)
                {
                    Write32(BitConverter.SingleToInt32Bits(v));
                }

                break;
            case "float16":
                weight["quantization"] = new JsonObject { ["dtype"] = "float16" };
                foreach (var v in values)
                {
                    var b = new byte[2];
                    BinaryPrimitives.WriteHalfLittleEndian(b, (Half)v);
                    _data.Write(b);
                }

                break;
            case "uint8":
                var min = values.Min();
                var scale = (values.Max() - min) / 255f;
                scale = scale == 0 ? 1 : scale;
                weight["quantization"] = new JsonObject { ["dtype"] = "uint8", ["min"] = min, ["scale"] = scale };
                foreach (var v in values)
                {
                    _data.WriteByte((byte)Math.Clamp(Math.Round((v - min) / scale), 0, 255));
                }

                break;
            default:
                throw new ArgumentException(encoding);
        }

        _weights.Add(weight);
        return this;
    }

    public TinyTfjsModel RandomConst(string name, int[] shape, string encoding = "float32", float amplitude = 1f)
    {
        var count = shape.Aggregate(1, (a, b) => a * b);
        var values = Enumerable.Range(0, count).Select(_ => (float)((_random.NextDouble() * 2) - 1) * amplitude).ToArray();
        return Const(name, values, shape, encoding);
    }

    public TinyTfjsModel IntConst(string name, int[] values, params int[] shape)
    {
        AddConstNode(name, shape, "DT_INT32");
        _weights.Add(new JsonObject { ["name"] = name, ["shape"] = new JsonArray(shape.Select(s => (JsonNode)s).ToArray()), ["dtype"] = "int32" });
        foreach (var v in values)
        {
            Write32(v);
        }

        return this;
    }

    public TinyTfjsModel Op(string name, string op, string[] inputs, JsonObject? attrs = null)
    {
        attrs ??= [];
        attrs["T"] ??= new JsonObject { ["type"] = "DT_FLOAT" };
        _nodes.Add(new JsonObject
        {
            ["name"] = name,
            ["op"] = op,
            ["input"] = new JsonArray(inputs.Select(i => (JsonNode)i).ToArray()),
            ["attr"] = attrs,
        });
        return this;
    }

    /// <summary>Writes model.json and weights.bin into <paramref name="dir"/>; returns the model.json path.</summary>
    public string Save(string dir)
    {
        var model = new JsonObject
        {
            ["format"] = "graph-model",
            ["generatedBy"] = "test",
            ["convertedBy"] = "test",
            ["modelTopology"] = new JsonObject { ["node"] = _nodes.DeepClone(), ["versions"] = new JsonObject() },
            ["weightsManifest"] = new JsonArray(new JsonObject { ["paths"] = new JsonArray("weights.bin"), ["weights"] = _weights.DeepClone() }),
        };
        File.WriteAllBytes(Path.Combine(dir, "weights.bin"), _data.ToArray());
        var path = Path.Combine(dir, "model.json");
        File.WriteAllText(path, model.ToJsonString());
        return path;
    }

    public static JsonObject S(string value) => new() { ["s"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) };

    public static JsonObject I(long value) => new() { ["i"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static JsonObject F(float value) => new() { ["f"] = value };

    public static JsonObject B(bool value) => new() { ["b"] = value };

    public static JsonObject Ints(params long[] values) =>
        new() { ["list"] = new JsonObject { ["i"] = new JsonArray(values.Select(v => (JsonNode)v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()) } };

    public static JsonObject Strings(params string[] values) =>
        new() { ["list"] = new JsonObject { ["s"] = new JsonArray(values.Select(v => (JsonNode)Convert.ToBase64String(Encoding.UTF8.GetBytes(v))).ToArray()) } };

    private void AddConstNode(string name, int[] shape, string type) =>
        _nodes.Add(new JsonObject
        {
            ["name"] = name,
            ["op"] = "Const",
            ["attr"] = new JsonObject
            {
                ["dtype"] = new JsonObject { ["type"] = type },
                ["value"] = new JsonObject { ["tensor"] = new JsonObject { ["dtype"] = type, ["tensorShape"] = Shape(shape) } },
            },
        });

    private static JsonObject Shape(int[] shape) =>
        new() { ["dim"] = new JsonArray(shape.Select(s => (JsonNode)new JsonObject { ["size"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray()) };

    private void Write32(int value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        _data.Write(b);
    }
}
