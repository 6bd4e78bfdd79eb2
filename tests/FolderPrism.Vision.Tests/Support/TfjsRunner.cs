namespace FolderPrism.Vision.Tests.Support;

/// <summary>Runs a tfjs graph model in Node with pure-JS @tensorflow/tfjs (scripts/vision/run-tfjs.js).</summary>
internal static class TfjsRunner
{
    public static Dictionary<string, NamedTensor> Run(string modelJson, IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string> outputs)
    {
        _ = RepoPaths.NodeModules;
        using var temp = new TempDir();
        var inputSpecs = inputs.Select((input, i) => (input.Name, Spec: (object)new { shape = input.Shape, dtype = "float32", file = NodeScript.WriteFloats(temp, $"in{i}.bin", input.Data) }))
            .ToDictionary(x => x.Name, x => x.Spec);
        using var doc = NodeScript.Run(temp, "run-tfjs.js", new { model = Path.GetFullPath(modelJson), inputs = inputSpecs, outputs });
        var dict = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (var prop in doc.RootElement.EnumerateObject())
        {
            dict[prop.Name] = NodeScript.ReadTensor(prop.Name, prop.Value);
        }

        return dict;
    }
}
