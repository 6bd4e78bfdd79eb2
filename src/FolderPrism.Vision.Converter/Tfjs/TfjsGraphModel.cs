using System.Text.Json;

namespace FolderPrism.Vision.Converter.Tfjs;

/// <summary>
/// A parsed tfjs graph model: the GraphDef nodes of <c>model.json</c>, its signature (when present) and every
/// weight decoded to float32/int32 from the <c>weightsManifest</c> shards next to it.
/// </summary>
internal sealed class TfjsGraphModel
{
    private TfjsGraphModel(List<TfNode> nodes, List<string> signatureInputs, List<string> signatureOutputs, Dictionary<string, TensorData> weights)
    {
        Nodes = nodes;
        SignatureInputs = signatureInputs;
        SignatureOutputs = signatureOutputs;
        Weights = weights;
        ByName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<TfNode> Nodes { get; }

    public IReadOnlyDictionary<string, TfNode> ByName { get; }

    /// <summary>Tensor names from the signature, without a ":0" suffix; empty when the model has no signature.</summary>
    public IReadOnlyList<string> SignatureInputs { get; }

    public IReadOnlyList<string> SignatureOutputs { get; }

    public IReadOnlyDictionary<string, TensorData> Weights { get; }

    public static TfjsGraphModel Load(string modelJsonPath)
    {
        if (!File.Exists(modelJsonPath))
        {
            throw new TfjsConversionException($"model file not found: {modelJsonPath}");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(modelJsonPath));
        }
        catch (JsonException e)
        {
            throw new TfjsConversionException($"{modelJsonPath} is not valid JSON: {e.Message}", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (!root.TryGetProperty("modelTopology", out var topo) || !topo.TryGetProperty("node", out var nodeArray))
            {
                throw new TfjsConversionException($"{modelJsonPath} is not a tfjs graph model (no modelTopology.node)");
            }

            var nodes = nodeArray.EnumerateArray().Select(ParseNode).ToList();
            var inputs = new List<string>();
            var outputs = new List<string>();
            if (root.TryGetProperty("signature", out var sig) && sig.ValueKind == JsonValueKind.Object)
            {
                inputs.AddRange(SignatureNames(sig, "inputs"));
                outputs.AddRange(SignatureNames(sig, "outputs"));
            }

            var dir = Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!;
            var weights = root.TryGetProperty("weightsManifest", out var manifest)
                ? TfjsWeightReader.Read(manifest, dir)
                : new Dictionary<string, TensorData>(StringComparer.Ordinal);
            return new TfjsGraphModel(nodes, inputs, outputs, weights);
        }
    }

    /// <summary>"name:0" → "name"; "name:1" stays.</summary>
    public static string NormalizeTensorName(string name) => name.EndsWith(":0", StringComparison.Ordinal) ? name[..^2] : name;

    private static IEnumerable<string> SignatureNames(JsonElement sig, string key)
    {
        if (!sig.TryGetProperty(key, out var section) || section.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var p in section.EnumerateObject())
        {
            yield return NormalizeTensorName(p.Value.TryGetProperty("name", out var n) ? n.GetString()! : p.Name);
        }
    }

    private static TfNode ParseNode(JsonElement n)
    {
        var name = n.GetProperty("name").GetString() ?? throw new TfjsConversionException("node without a name");
        var op = n.GetProperty("op").GetString() ?? throw new TfjsConversionException($"node {name} without an op");
        var inputs = n.TryGetProperty("input", out var i)
            ? i.EnumerateArray().Select(e => e.GetString()!).Where(s => !s.StartsWith('^')).ToList()
            : [];
        var attrs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (n.TryGetProperty("attr", out var a))
        {
            foreach (var p in a.EnumerateObject())
            {
                attrs[p.Name] = p.Value.Clone();
            }
        }

        return new TfNode(name, op, inputs, attrs);
    }
}
