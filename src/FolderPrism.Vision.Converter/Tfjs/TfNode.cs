using System.Text;
using System.Text.Json;

namespace FolderPrism.Vision.Converter.Tfjs;

/// <summary>One GraphDef node from a tfjs <c>model.json</c>, with typed access to its attributes.</summary>
internal sealed class TfNode
{
    public TfNode(string name, string op, IReadOnlyList<string> inputs, IReadOnlyDictionary<string, JsonElement> attrs)
    {
        Name = name;
        Op = op;
        Inputs = inputs;
        Attrs = attrs;
    }

    public string Name { get; }

    public string Op { get; }

    /// <summary>Data inputs (control inputs starting with '^' are dropped), as "node" or "node:k".</summary>
    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyDictionary<string, JsonElement> Attrs { get; }

    public bool HasAttr(string name) => Attrs.ContainsKey(name);

    public long Int(string name, long fallback = 0) =>
        Attrs.TryGetValue(name, out var a) && a.TryGetProperty("i", out var i) ? ParseLong(i) : fallback;

    public float Float(string name, float fallback = 0) =>
        Attrs.TryGetValue(name, out var a) && a.TryGetProperty("f", out var f) ? ParseFloat(f) : fallback;

    public bool Bool(string name, bool fallback = false) =>
        Attrs.TryGetValue(name, out var a) && a.TryGetProperty("b", out var b) ? b.GetBoolean() : fallback;

    public string? String(string name) =>
        Attrs.TryGetValue(name, out var a) && a.TryGetProperty("s", out var s) ? Decode(s.GetString()) : null;

    public string? Type(string name) =>
        Attrs.TryGetValue(name, out var a) && a.TryGetProperty("type", out var t) ? t.GetString() : null;

    public long[] Ints(string name)
    {
        if (Attrs.TryGetValue(name, out var a) && a.TryGetProperty("list", out var list) && list.TryGetProperty("i", out var i))
        {
            return i.EnumerateArray().Select(ParseLong).ToArray();
        }

        return [];
    }

    public string[] Strings(string name)
    {
        if (Attrs.TryGetValue(name, out var a) && a.TryGetProperty("list", out var list) && list.TryGetProperty("s", out var s))
        {
            return s.EnumerateArray().Select(e => Decode(e.GetString())).ToArray();
        }

        return [];
    }

    /// <summary>The static shape of a Placeholder (or Const value), -1 for unknown dimensions; null if absent.</summary>
    public long[]? Shape()
    {
        JsonElement shape;
        if (Attrs.TryGetValue("shape", out var a) && a.TryGetProperty("shape", out shape))
        {
            return Dims(shape);
        }

        if (Attrs.TryGetValue("value", out var v) && v.TryGetProperty("tensor", out var t) && t.TryGetProperty("tensorShape", out shape))
        {
            return Dims(shape);
        }

        return null;
    }

    public override string ToString() => $"{Op} '{Name}'";

    private static long[] Dims(JsonElement shape) =>
        shape.TryGetProperty("dim", out var dims) ? dims.EnumerateArray().Select(d => d.TryGetProperty("size", out var s) ? ParseLong(s) : -1).ToArray() : [];

    private static long ParseLong(JsonElement e) => e.ValueKind == JsonValueKind.String ? long.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetInt64();

    private static float ParseFloat(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => float.NaN,
            "Infinity" => float.PositiveInfinity,
            "-Infinity" => float.NegativeInfinity,
            var s => float.Parse(s!, System.Globalization.CultureInfo.InvariantCulture),
        },
        _ => e.GetSingle(),
    };

    private static string Decode(string? base64) => base64 is null ? string.Empty : Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
