using FolderPrism.Vision.Converter;

namespace FolderPrism.Vision.Tests.Support;

/// <summary>Saves a tiny model, converts it, runs it in tfjs and ONNX Runtime and returns the worst relative gap.</summary>
internal static class OpHarness
{
    public static double Compare(TinyTfjsModel model, int[] inputShape, params string[] outputs) =>
        Compare(model, [("x", inputShape)], outputs);

    public static double Compare(TinyTfjsModel model, (string Name, int[] Shape)[] inputs, params string[] outputs)
    {
        using var temp = new TempDir();
        var path = model.Save(temp.Path);
        var onnx = TfjsToOnnxConverter.Convert(path, new ConversionOptions { Outputs = outputs });
        var random = new Random(42);
        var feeds = inputs.Select(i => new NamedTensor(i.Name, i.Shape, Enumerable.Range(0, i.Shape.Aggregate(1, (a, b) => a * b)).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray())).ToList();
        var expected = TfjsRunner.Run(path, feeds, outputs);
        var actual = OrtRunner.Run(onnx, feeds);
        return outputs.Max(o => OrtRunner.MaxRelativeDifference(actual[o], expected[o]));
    }

    /// <summary>Converts and runs only in ONNX Runtime, for checks computed in C# (where tfjs itself is wrong).</summary>
    public static Dictionary<string, NamedTensor> RunOnnx(TinyTfjsModel model, NamedTensor input, params string[] outputs)
    {
        using var temp = new TempDir();
        var path = model.Save(temp.Path);
        var onnx = TfjsToOnnxConverter.Convert(path, new ConversionOptions { Outputs = outputs });
        return OrtRunner.Run(onnx, [input]);
    }
}
